import { CloudUploadOutlined, HistoryOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Divider, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupOverview } from '../../../../shared/domain/backup';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { BackupFolderForm, BackupFolderLine } from './BackupFolderForm';
import { backupSize, backupTime, countOf, forgetRestore, lastRestore, reasonLabel, type LastRestore } from './backup-format';
import { RestoreDialog } from './RestoreDialog';
import { WorkspaceSection } from './WorkspaceSection';

/**
 * 数据备份 (issue 9): where the backups go (默认, or a folder typed here — a USB disk, another
 * drive), 立即备份, the core's warning about network drives, and the backups in that folder
 * (newest first) each with 恢复…, which says what happens and can be undone.
 */
export function BackupCard() {
  const { t } = useTranslation();
  const { api, info } = useApp();
  const { message } = AntApp.useApp();
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<{ entry: BackupEntry; undoing: boolean } | null>(null);
  const [last, setLast] = useState<LastRestore | null>(() => lastRestore());

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setOverview(await api.call('backups.overview'));
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setLoading(false);
    }
  }, [api, message]);
  useEffect(() => void load(), [load]);

  async function backupNow() {
    setCreating(true);
    try {
      const made = await api.call('backups.create');
      message.success(t('backups.created', { time: backupTime(made.createdAt), size: backupSize(made.sizeBytes) }));
      await load();
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setCreating(false);
    }
  }

  const backups = overview?.backups ?? [];
  const tooNew = (entry: BackupEntry) => entry.schemaVersion > info.schemaVersion;
  const undoEntry = last ? backups.find((b) => b.id === last.undoId) : undefined;

  const columns: ColumnsType<BackupEntry> = [
    { title: t('backups.col.time'), dataIndex: 'createdAt', width: 170, render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{backupTime(at)}</span> },
    {
      title: t('backups.col.reason'),
      dataIndex: 'reason',
      width: 130,
      render: (reason: string, entry) => (
        <Space size={4} wrap>
          <Tag color={reason === 'manual' ? 'blue' : reason === 'before-restore' ? 'orange' : undefined}>{reasonLabel(t, reason)}</Tag>
          {entry.folder ? (
            <Tooltip title={t('backups.earlierFolderHint', { folder: entry.folder })}>
              <Tag data-testid="backup-earlier-folder">{t('backups.earlierFolder')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { title: t('backups.col.size'), dataIndex: 'sizeBytes', width: 90, align: 'right', render: (bytes: number) => <span style={{ whiteSpace: 'nowrap' }}>{backupSize(bytes)}</span> },
    { title: t('backups.col.resources'), key: 'resources', width: 64, align: 'right', render: (_, b) => countOf(b, 'resources') },
    { title: t('backups.col.scenarios'), key: 'scenarios', width: 64, align: 'right', render: (_, b) => countOf(b, 'scenarios') },
    { title: t('backups.col.events'), key: 'events', width: 64, align: 'right', render: (_, b) => countOf(b, 'events') },
    {
      title: t('common.actions'),
      key: 'restore',
      width: 96,
      render: (_, b) => {
        const button = (
          <Button size="small" icon={<HistoryOutlined />} disabled={tooNew(b)} aria-label={t('backups.restoreAria', { time: backupTime(b.createdAt) })} onClick={() => setRestoring({ entry: b, undoing: false })}>
            {t('backups.restore')}
          </Button>
        );
        return tooNew(b) ? <Tooltip title={t('backups.confirm.tooNew', { version: b.schemaVersion, supported: info.schemaVersion })}>{button}</Tooltip> : button;
      },
    },
  ];

  return (
    <Card
      title={t('backups.title')}
      data-testid="backup-card"
      extra={<Button type="text" size="small" icon={<ReloadOutlined />} aria-label={t('backups.refresh')} title={t('backups.refresh')} onClick={() => void load()} disabled={loading} />}
    >
      <Typography.Paragraph type="secondary">{t('backups.intro')}</Typography.Paragraph>
      {overview?.warning ? <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={overview.warning} data-testid="backup-warning" /> : null}
      {last && undoEntry ? (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          closable={{ 'aria-label': t('common.close'), onClose: () => (forgetRestore(), setLast(null)) }}
          title={t('backups.last.title', { time: backupTime(last.restoredAt) })}
          description={t('backups.last.hint', { time: backupTime(last.undoAt) })}
          action={
            <Button size="small" onClick={() => setRestoring({ entry: undoEntry, undoing: true })} data-testid="backup-last-undo">
              {t('backups.last.undo')}
            </Button>
          }
          data-testid="backup-last-restore"
        />
      ) : null}
      {overview ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <BackupFolderLine overview={overview} />
          <BackupFolderForm overview={overview} onChange={setOverview} />
        </Space>
      ) : null}
      <Divider />
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<CloudUploadOutlined />} loading={creating} disabled={creating || Boolean(info.damaged)} onClick={() => void backupNow()} data-testid="backup-now">
          {t('backups.backupNow')}
        </Button>
        <Typography.Text type="secondary" aria-live="polite">
          {creating ? t('backups.creating') : info.damaged ? t('backups.damagedNoBackup') : t('backups.count', { count: backups.length })}
        </Typography.Text>
      </Space>
      <Table<BackupEntry>
        rowKey="id"
        size="small"
        loading={loading && !overview}
        dataSource={backups}
        columns={columns}
        onRow={() => ({ 'data-testid': 'backup-row' }) as HTMLAttributes<HTMLElement>}
        pagination={backups.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        scroll={{ x: 680 }}
        locale={{ emptyText: t('backups.empty') }}
      />
      <Divider />
      {overview ? <WorkspaceSection defaultFolder={overview.folder} /> : null}
      {restoring ? <RestoreDialog key={restoring.entry.id} candidates={backups} initialId={restoring.entry.id} undoing={restoring.undoing} onCancel={() => setRestoring(null)} /> : null}
    </Card>
  );
}
