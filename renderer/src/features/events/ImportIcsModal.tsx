import { UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Form, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventImportPreview } from '../../../../shared/domain/event';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { readText } from './download';
import { eventWhen } from './time';
import type { EventLookups } from './useEventLookups';

const MAX_BYTES = 5 * 1024 * 1024;

type Row = EventImportPreview['rows'][number];

/**
 * 导入 ICS: pick a file (Outlook, Google Calendar, WPS, or our own export), see what would be
 * imported and what is skipped and why, then 确认导入. A file that is not iCalendar imports nothing.
 */
export function ImportIcsModal({ lookups, onClose, onImported }: { lookups: EventLookups; onClose(): void; onImported(count: number): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [typeId, setTypeId] = useState<string | undefined>(lookups.typeOptions[0]?.value);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<EventImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstType = lookups.typeOptions[0]?.value;
  useEffect(() => {
    if (!typeId && firstType) setTypeId(firstType);
  }, [typeId, firstType]);

  async function run(text: string, commit: boolean, type = typeId) {
    if (!type) return;
    setBusy(true);
    try {
      const result = await api.call('events.importIcs', { text, typeId: type, commit });
      setError(null);
      if (commit) {
        message.success(t('events.ics.imported', { count: result.imported }));
        onImported(result.imported);
      } else {
        setPreview(result);
      }
    } catch (e) {
      setPreview(null);
      setError(e instanceof Error ? e.message : String(e));
      showFailure(e, message.error);
    } finally {
      setBusy(false);
    }
  }

  async function pick(picked: File) {
    if (picked.size > MAX_BYTES) {
      setError(t('events.ics.tooLarge', { name: picked.name }));
      return;
    }
    const text = await readText(picked);
    setFile({ name: picked.name, text });
    await run(text, false);
  }

  const importable = preview ? preview.rows.filter((r) => !r.skip).length : 0;
  return (
    <Modal
      open
      width={900}
      title={t('events.ics.import')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" disabled={!file || !preview || importable === 0} loading={busy} onClick={() => file && void run(file.text, true)}>
            {t('events.ics.confirm', { count: importable })}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="ics-import">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('events.ics.importIntro')}
        </Typography.Paragraph>
        <Form layout="inline">
          <Form.Item label={t('events.field.typeId')}>
            <Select
              aria-label={t('events.field.typeId')}
              value={typeId}
              onChange={(v: string) => {
                setTypeId(v);
                if (file) void run(file.text, false, v);
              }}
              options={lookups.typeOptions}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item>
            <Upload accept=".ics,text/calendar" showUploadList={false} beforeUpload={(f) => (void pick(f), false)}>
              <Button icon={<UploadOutlined />} loading={busy && !preview}>
                {file ? t('events.ics.another') : t('events.ics.pick')}
              </Button>
            </Upload>
          </Form.Item>
          {file ? <Typography.Text>{file.name}</Typography.Text> : null}
        </Form>
        {error ? <Alert type="error" showIcon title={error} data-testid="ics-error" /> : null}
        {preview?.warnings.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('events.ics.warnings')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {preview.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {preview ? (
          <>
            <Typography.Text data-testid="ics-summary">{t('events.ics.summary', { total: preview.rows.length, importable, skipped: preview.rows.length - importable })}</Typography.Text>
            <Table<Row>
              size="small"
              rowKey={(r, i) => `${i}-${r.title}-${r.startAt}`}
              dataSource={preview.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              onRow={() => ({ 'data-testid': 'ics-row' }) as HTMLAttributes<HTMLElement>}
              columns={[
                { dataIndex: 'title', title: t('events.field.title') },
                { key: 'when', title: t('events.when'), render: (_v, r) => eventWhen(r, t('events.allDay')) },
                { dataIndex: 'venue', title: t('events.field.venue'), render: (v: string) => v || '—' },
                { key: 'skip', title: t('events.ics.result'), render: (_v, r) => (r.skip ? <Tag color="default">{t('events.ics.skipped', { reason: r.skip })}</Tag> : <Tag color="green">{t('events.ics.willImport')}</Tag>) },
              ]}
            />
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
