import { App as AntApp, Button, DatePicker, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventAction, EventDetail } from '../../../../shared/domain/event';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { addDays, isoToPicker, lastDayOf, pickerToIso } from './time';

const PRIMARY: ReadonlySet<EventAction> = new Set(['publish', 'summarise']);

interface ReasonValues {
  comment: string;
  startAt: Dayjs | null;
  endAt: Dayjs | null;
}

/**
 * The lifecycle buttons the core allows now. 延期 asks a reason and, optionally, the new
 * dates (none: "date to be announced"); 取消活动 asks a reason; 完成总结 goes to the 总结 tab.
 */
export function EventActions({ event, onDone, onSummarise }: { event: EventDetail; onDone(): void; onSummarise(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [asking, setAsking] = useState<'postpone' | 'cancel' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ReasonValues>();

  async function act(action: EventAction, values?: ReasonValues) {
    const extra: { comment?: string; startAt?: string; endAt?: string } = {};
    if (values?.comment) extra.comment = values.comment.trim();
    if (action === 'postpone' && (values?.startAt || values?.endAt)) {
      if (!values.startAt || !values.endAt) {
        form.setFields([{ name: values.startAt ? 'endAt' : 'startAt', errors: [t('events.postpone.both')] }]);
        return;
      }
      extra.startAt = pickerToIso(values.startAt, event.allDay);
      extra.endAt = event.allDay ? `${addDays(values.endAt.format('YYYY-MM-DD'), 1)}T00:00:00+08:00` : pickerToIso(values.endAt);
    }
    setBusy(true);
    try {
      await api.call('events.transition', { id: event.id, version: event.version, action, ...extra });
      message.success(t(`events.done.${action}`, { title: event.title }));
      setAsking(null);
      onDone();
    } catch (error) {
      showFailure(error, message.error, asking ? form : undefined);
    } finally {
      setBusy(false);
    }
  }

  function ask(kind: 'postpone' | 'cancel') {
    form.resetFields();
    if (kind === 'postpone') form.setFieldsValue({ startAt: isoToPicker(event.startAt), endAt: event.allDay ? dayjs(lastDayOf(event.endAt)) : isoToPicker(event.endAt) });
    setAsking(kind);
  }

  // 标记已举办 only once the event has begun (the core refuses earlier, with the start time).
  const actions = event.allowedActions.filter((a) => a !== 'hold' || Date.parse(event.startAt) <= Date.now());
  if (actions.length === 0) return null;
  const format = event.allDay ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm';
  const showTime = event.allDay ? false : { format: 'HH:mm', minuteStep: 5 as const };
  return (
    <Space wrap>
      {actions.map((action) =>
        action === 'postpone' || action === 'cancel' ? (
          <Button key={action} danger={action === 'cancel'} onClick={() => ask(action)}>
            {t(`events.action.${action}`)}
          </Button>
        ) : action === 'summarise' ? (
          <Button key={action} type="primary" onClick={onSummarise}>
            {t('events.action.summarise')}
          </Button>
        ) : action === 'hold' ? (
          <Popconfirm key={action} title={t('events.holdConfirm', { title: event.title })} onConfirm={() => act(action)} okText={t('events.action.hold')} cancelText={t('events.back')}>
            <Button loading={busy}>{t('events.action.hold')}</Button>
          </Popconfirm>
        ) : (
          <Button key={action} type={PRIMARY.has(action) ? 'primary' : 'default'} loading={busy} onClick={() => void act(action)}>
            {t(`events.action.${action}`)}
          </Button>
        ),
      )}
      <Modal
        open={asking !== null}
        title={asking ? t(`events.${asking}.title`, { title: event.title }) : ''}
        onCancel={() => setAsking(null)}
        okText={asking ? t(`events.action.${asking}`) : ''}
        cancelText={t('events.back')}
        okButtonProps={{ danger: asking === 'cancel', loading: busy, htmlType: 'submit', form: 'event-reason-form' }}
        forceRender
      >
        <Form<ReasonValues> id="event-reason-form" form={form} layout="vertical" onFinish={(v) => asking && void act(asking, v)} initialValues={{ comment: '', startAt: null, endAt: null }}>
          <Typography.Paragraph type="secondary">{asking ? t(`events.${asking}.hint`) : null}</Typography.Paragraph>
          <Form.Item name="comment" label={t('events.reason')} rules={[{ required: true, whitespace: true, message: `${t('events.reason')}：${t('events.required')}` }]}>
            <Input.TextArea autoFocus rows={3} maxLength={500} showCount placeholder={asking ? t(`events.${asking}.placeholder`) : ''} />
          </Form.Item>
          {asking === 'postpone' ? (
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
              <Form.Item name="startAt" label={event.allDay ? t('events.postpone.newStartDay') : t('events.postpone.newStart')}>
                <DatePicker showTime={showTime} format={format} needConfirm={false} allowClear style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="endAt" label={event.allDay ? t('events.postpone.newEndDay') : t('events.postpone.newEnd')}>
                <DatePicker showTime={showTime} format={format} needConfirm={false} allowClear style={{ width: '100%' }} />
              </Form.Item>
            </div>
          ) : null}
          {asking === 'postpone' ? <Typography.Text type="secondary">{t('events.postpone.tba')}</Typography.Text> : null}
        </Form>
      </Modal>
    </Space>
  );
}
