import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, EventOutcome } from '../../../../shared/domain/event';
import { useApp } from '../../app/AppContext';
import { AttachmentsPanel } from '../../ui/AttachmentsPanel';
import { showFailure } from '../../ui/errors';

type FormValues = EventOutcome;

function Rows({ name, first, second }: { name: 'agreements' | 'projectsMatched'; first: string; second: string }) {
  const { t } = useTranslation();
  const label = (key: string) => t(`events.outcome.${key}`);
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid={`outcome-${name}`}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {label(name)}
          </Typography.Text>
          {fields.map((field, index) => (
            <div key={field.key} style={{ display: 'grid', gridTemplateColumns: '28px 1fr 1fr 32px', gap: 8 }}>
              <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                {index + 1}.
              </Typography.Text>
              <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: `${label(first)}：${t('events.required')}` }]} style={{ marginBottom: 8 }}>
                <Input maxLength={100} placeholder={label(first)} aria-label={`${label(first)} ${index + 1}`} />
              </Form.Item>
              <Form.Item name={[field.name, second]} style={{ marginBottom: 8 }}>
                <Input maxLength={200} placeholder={label(second)} aria-label={`${label(second)} ${index + 1}`} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('events.outcome.remove')} ${index + 1}`} onClick={() => remove(field.name)} />
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ title: '', [second]: '' })}>
            {label(name === 'agreements' ? 'addAgreement' : 'addProject')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/**
 * 总结 (after the event): attendance from the check-ins, agreements, matched projects, notes,
 * photos; 保存 keeps a draft, 保存并完成总结 also moves the event to 已总结.
 */
export function OutcomeTab({ event, onChanged }: { event: EventDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState<'save' | 'summarise' | null>(null);
  const held = event.status === 'held' || event.status === 'summarised';
  const editable = held && event.mayManage;
  const { counts } = event;
  const rate = counts.confirmed > 0 ? Math.round((counts.checkedIn / counts.confirmed) * 100) : 0;

  async function save(summarise: boolean) {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(summarise ? 'summarise' : 'save');
    try {
      await api.call('events.saveOutcome', { id: event.id, version: event.version, agreements: values.agreements ?? [], projectsMatched: values.projectsMatched ?? [], notes: values.notes ?? '', summarise });
      message.success(summarise ? t('events.outcome.summarised', { title: event.title }) : t('events.outcome.saved'));
      onChanged();
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(null);
    }
  }

  if (!held) return <Alert type="info" showIcon title={t('events.outcome.notYet')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="outcome">
      <Descriptions size="small" bordered column={4}>
        <Descriptions.Item label={t('events.outcome.attended')}>
          <span data-testid="attendance">{counts.checkedIn}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('events.outcome.registered')}>{counts.confirmed}</Descriptions.Item>
        <Descriptions.Item label={t('events.outcome.walkIns')}>{counts.walkIns}</Descriptions.Item>
        <Descriptions.Item label={t('events.outcome.rate')}>{counts.confirmed > 0 ? `${rate}%` : '—'}</Descriptions.Item>
      </Descriptions>
      <Form<FormValues> form={form} layout="vertical" disabled={!editable} initialValues={{ agreements: event.outcome.agreements, projectsMatched: event.outcome.projectsMatched, notes: event.outcome.notes }}>
        <Rows name="agreements" first="agreementTitle" second="parties" />
        <div style={{ height: 16 }} />
        <Rows name="projectsMatched" first="projectTitle" second="note" />
        <Form.Item name="notes" label={t('events.outcome.notes')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
      <div>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('events.outcome.photos')}
        </Typography.Text>
        <AttachmentsPanel recordKind="event" recordId={event.id} attachments={event.attachments} editable={event.mayManage} onChanged={onChanged} />
      </div>
      {editable ? (
        <Space>
          <Button loading={saving === 'save'} onClick={() => void save(false)}>
            {t('common.save')}
          </Button>
          {event.status === 'held' ? (
            <Button type="primary" loading={saving === 'summarise'} onClick={() => void save(true)}>
              {t('events.outcome.saveAndSummarise')}
            </Button>
          ) : null}
        </Space>
      ) : null}
    </Space>
  );
}
