import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const MAX_ROWS = 60;

/** 议程: rows of time (HH:mm), topic, speaker, organisation; the core sorts them by time. */
export function AgendaEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="agenda">
      {(fields, { add, remove }, { errors }) => (
        <div style={{ gridColumn: 'span 2', marginBottom: 16 }} data-testid="agenda-editor">
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t('events.field.agenda')}
          </Typography.Text>
          {fields.length > 0 ? (
            <div className="ev-agenda-row ev-agenda-head">
              <span>{t('events.field.time')}</span>
              <span>{t('events.field.topic')}</span>
              <span>{t('events.field.speaker')}</span>
              <span>{t('events.field.organisation')}</span>
              <span />
            </div>
          ) : null}
          {fields.map((field, index) => (
            <div key={field.key} className="ev-agenda-row" data-testid="agenda-row">
              <Form.Item name={[field.name, 'time']} rules={[{ required: true, message: t('events.agenda.timeRequired') }]} style={{ marginBottom: 8 }}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} aria-label={t('events.agenda.time', { n: index + 1 })} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={[field.name, 'topic']} rules={[{ required: true, whitespace: true, message: t('events.agenda.topicRequired') }]} style={{ marginBottom: 8 }}>
                <Input maxLength={100} aria-label={t('events.agenda.topic', { n: index + 1 })} />
              </Form.Item>
              <Form.Item name={[field.name, 'speaker']} style={{ marginBottom: 8 }}>
                <Input maxLength={30} aria-label={t('events.agenda.speaker', { n: index + 1 })} />
              </Form.Item>
              <Form.Item name={[field.name, 'organisation']} style={{ marginBottom: 8 }}>
                <Input maxLength={100} aria-label={t('events.agenda.organisation', { n: index + 1 })} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('events.agenda.remove', { n: index + 1 })} onClick={() => remove(field.name)} />
            </div>
          ))}
          <Button icon={<PlusOutlined />} disabled={fields.length >= MAX_ROWS} onClick={() => add({ time: null, topic: '', speaker: '', organisation: '' })}>
            {t('events.agenda.add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
