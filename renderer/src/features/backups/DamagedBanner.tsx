import { HistoryOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '../../../../shared/domain/backup';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { BackupFolderForm, BackupFolderLine } from './BackupFolderForm';
import { RestoreDialog } from './RestoreDialog';

/**
 * The damaged data file (app.info.damaged): a red banner over the whole app with the core's
 * reason and 当前为只读模式, and 从备份恢复 — the backups newest first, the newest chosen, a
 * folder switch for backups kept elsewhere (a USB disk) — which restores and reloads. Renders
 * nothing while the data file is sound.
 */
export function DamagedBanner() {
  const { t } = useTranslation();
  const { info } = useApp();
  const [picking, setPicking] = useState(false);
  if (!info.damaged) return null;
  return (
    <>
      <Alert
        banner
        type="error"
        showIcon
        role="alert"
        data-testid="damaged-banner"
        style={{ padding: '12px 24px' }}
        title={<Typography.Text strong>{t('backups.damaged.title')}</Typography.Text>}
        description={
          <Space orientation="vertical" size={2}>
            <span data-testid="damaged-reason">{info.damaged}</span>
            <Typography.Text strong>{t('backups.damaged.readOnly')}</Typography.Text>
            <Typography.Text type="secondary">{info.installation ? t('backups.damaged.readOnlyHint') : t('backups.damaged.unreadableHint')}</Typography.Text>
          </Space>
        }
        action={
          <Button type="primary" danger icon={<HistoryOutlined />} onClick={() => setPicking(true)} data-testid="damaged-restore">
            {t('backups.damaged.restore')}
          </Button>
        }
      />
      {picking ? <PickBackup onCancel={() => setPicking(false)} /> : null}
    </>
  );
}

/** Loads the backups, then hands them to the restore flow with the newest chosen. */
function PickBackup({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('backups.overview').then(
      (next) => live && setOverview(next),
      (error: unknown) =>
        live &&
        showFailure(error, (text) => {
          setFailure(text);
          message.error(text);
        }),
    );
    return () => {
      live = false;
    };
  }, [api, message]);

  if (!overview) {
    return (
      <Modal open title={t('backups.damaged.restore')} onCancel={onCancel} footer={<Button onClick={onCancel}>{t('common.cancel')}</Button>}>
        {failure ? <Alert type="error" showIcon title={failure} /> : <Spin />}
      </Modal>
    );
  }
  const newest = overview.backups[0];
  return (
    <RestoreDialog
      // A new folder's list starts from its own newest backup.
      key={overview.folder}
      pick
      candidates={overview.backups}
      initialId={newest?.id ?? ''}
      onCancel={onCancel}
      above={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <BackupFolderLine overview={overview} />
          <BackupFolderForm overview={overview} onChange={setOverview} help={t('backups.damaged.folderHelp')} />
        </Space>
      }
    />
  );
}
