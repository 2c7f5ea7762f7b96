import { App as AntApp, Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/domain/audit';
import { useApp } from '../app/AppContext';
import { showFailure } from './errors';

const HIDDEN = new Set(['id', 'seq', 'ownerZoneId', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'version', 'deletedAt', 'isDemo']);

/**
 * Who changed what on one record, and when — read from the audit log. `label` names a field,
 * `format` renders a value (e.g. a status code as 已发布).
 */
export function RecordHistory({ recordId, label, format = defaultFormat }: { recordId: string; label: (key: string) => string; format?: (key: string, value: unknown) => string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);

  useEffect(() => {
    api.call('audit.list', { recordId, limit: 200 }).then(setEntries, (error: unknown) => showFailure(error, message.error));
  }, [api, recordId, message]);

  if (entries && entries.length === 0) return <Empty description={t('zones.noHistory')} />;
  return (
    <Timeline
      items={(entries ?? []).map((entry) => ({
        key: entry.id,
        children: (
          <div data-testid="audit-entry">
            <Typography.Text strong>{t(`audit.${entry.action}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')} · {entry.actor}
            </Typography.Text>
            {entry.action === 'create' ? null : <Changes entry={entry} label={label} format={format} />}
          </div>
        ),
      }))}
    />
  );
}

function Changes({ entry, label, format }: { entry: AuditEntry; label: (key: string) => string; format: (key: string, value: unknown) => string }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])].filter((k) => !HIDDEN.has(k));
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
      {keys.map((key) => (
        <li key={key}>
          {label(key)}：
          {entry.before && key in entry.before ? (
            <>
              <Typography.Text delete type="secondary">
                {format(key, entry.before[key])}
              </Typography.Text>{' '}
              →{' '}
            </>
          ) : null}
          <Typography.Text>{entry.after && key in entry.after ? format(key, entry.after[key]) : '（空）'}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function defaultFormat(_key: string, value: unknown): string {
  if (value === '' || value === null || value === undefined) return '（空）';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
