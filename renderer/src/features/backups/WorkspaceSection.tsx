import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { rememberRestore } from './backup-format';

/**
 * 工作区搬家: the whole workspace (database and attachments) as one file into a folder typed
 * here, and opening such a file from another PC — a restore like any other: the current data is
 * backed up first, so 撤销 is offered after the reload.
 */
export function WorkspaceSection({ defaultFolder }: { defaultFolder: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message, modal } = AntApp.useApp();
  const [folder, setFolder] = useState(defaultFolder);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState<'export' | 'open' | null>(null);

  async function exportWorkspace() {
    setBusy('export');
    try {
      const made = await api.call('backups.exportWorkspace', { folder });
      message.success(t('backups.workspace.exported', { path: made.path, size: (made.sizeBytes / 1024 / 1024).toFixed(1) }));
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setBusy(null);
    }
  }

  function openWorkspace() {
    modal.confirm({
      title: t('backups.workspace.confirmTitle'),
      content: t('backups.workspace.confirmText'),
      okText: t('backups.workspace.open'),
      onOk: async () => {
        setBusy('open');
        try {
          const result = await api.call('backups.openWorkspace', { path });
          rememberRestore(result);
          window.location.reload();
        } catch (error) {
          showFailure(error, message.error);
        } finally {
          setBusy(null);
        }
      },
    });
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="workspace-section">
      <Typography.Text strong>{t('backups.workspace.title')}</Typography.Text>
      <Typography.Text type="secondary">{t('backups.workspace.intro')}</Typography.Text>
      <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
        <Input aria-label={t('backups.workspace.folder')} value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={t('backups.folderPlaceholder')} />
        <Button icon={<ExportOutlined />} loading={busy === 'export'} disabled={busy !== null || folder.trim() === ''} onClick={() => void exportWorkspace()}>
          {t('backups.workspace.export')}
        </Button>
      </Space.Compact>
      <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
        <Input aria-label={t('backups.workspace.file')} value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('backups.workspace.filePlaceholder')} />
        <Button icon={<ImportOutlined />} loading={busy === 'open'} disabled={busy !== null || path.trim() === ''} onClick={openWorkspace}>
          {t('backups.workspace.open')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
