import { App as AntApp, Drawer, Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/audit';
import type { Zone } from '../../../../shared/domain/zone';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';

/** Who changed what on one zone, and when — read from the audit log. */
export function ZoneHistoryDrawer({ zone, onClose }: { zone: Zone; onClose(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);

  useEffect(() => {
    api.call('audit.list', { recordId: zone.id, limit: 200 }).then(setEntries, (error: unknown) => showFailure(error, message.error));
  }, [api, zone.id, message]);

  return (
    <Drawer open width={520} title={t('zones.historyTitle', { name: zone.shortName })} onClose={onClose}>
      {entries && entries.length === 0 ? <Empty description={t('zones.noHistory')} /> : null}
      <Timeline
        items={(entries ?? []).map((entry) => ({
          key: entry.id,
          children: (
            <div data-testid="audit-entry">
              <Typography.Text strong>{t(`audit.${entry.action}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')} · {entry.actor}
              </Typography.Text>
              <ChangeList entry={entry} />
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}

const HIDDEN = new Set(['id', 'ownerZoneId', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'version', 'deletedAt', 'isDemo']);

function ChangeList({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const keys = Object.keys(entry.after ?? entry.before ?? {}).filter((k) => !HIDDEN.has(k));
  if (entry.action === 'create') return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
      {keys.map((key) => (
        <li key={key}>
          {t(`zones.field.${key === 'active' ? 'status' : key}`)}：<Typography.Text delete type="secondary">{show(entry.before?.[key])}</Typography.Text> →{' '}
          <Typography.Text>{show(entry.after?.[key])}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function show(value: unknown): string {
  if (value === '' || value === null || value === undefined) return '（空）';
  return String(value);
}
