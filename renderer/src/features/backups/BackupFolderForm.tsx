import { FolderOpenOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '../../../../shared/domain/backup';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';

interface FolderValues {
  folder: string;
}

/** Where the backups are now: the path (copyable) and 默认 when it is the data folder's own. */
export function BackupFolderLine({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[8, 4]} data-testid="backup-folder">
      <Typography.Text type="secondary">{t('backups.folder')}</Typography.Text>
      <FolderOpenOutlined aria-hidden />
      <Typography.Text copyable={{ text: overview.folder }} style={{ wordBreak: 'break-all' }}>
        {overview.folder}
      </Typography.Text>
      {overview.isDefault ? <Tag>{t('backups.default')}</Tag> : null}
    </Space>
  );
}

/**
 * 更改文件夹: a full path (typed: the browser host has no folder picker) saved by the core, which
 * checks it can write there; 恢复默认 goes back to the data folder's own. The core's refusal
 * stands under the field and the typed path stays.
 */
export function BackupFolderForm({ overview, onChange, help }: { overview: BackupOverview; onChange(next: BackupOverview): void; help?: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FolderValues>();
  const [saving, setSaving] = useState<'save' | 'reset' | null>(null);
  const typed = (Form.useWatch('folder', form) ?? '').trim();

  async function save(folder: string, which: 'save' | 'reset') {
    setSaving(which);
    try {
      const next = await api.call('backups.setFolder', { folder });
      onChange(next);
      form.resetFields();
      message.success(folder ? t('backups.folderSaved', { folder: next.folder }) : t('backups.folderReset'));
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(null);
    }
  }

  return (
    <Form<FolderValues>
      form={form}
      layout="vertical"
      initialValues={{ folder: '' }}
      onValuesChange={() => form.setFields([{ name: 'folder', errors: [] }])}
      onFinish={(v) => void save((v.folder ?? '').trim(), 'save')}
      style={{ marginBottom: 0 }}
    >
      <Form.Item label={t('backups.changeFolder')} extra={help ?? t('backups.folderHelp')} style={{ marginBottom: 8 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="folder" noStyle>
            <Input prefix={<FolderOpenOutlined />} aria-label={t('backups.changeFolder')} placeholder={t('backups.folderPlaceholder')} maxLength={1000} allowClear />
          </Form.Item>
          <Button type={typed ? 'primary' : 'default'} htmlType="submit" disabled={!typed || saving !== null} loading={saving === 'save'}>
            {t('backups.saveFolder')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {!overview.isDefault ? (
        <Button onClick={() => void save('', 'reset')} disabled={saving !== null} loading={saving === 'reset'}>
          {t('backups.resetFolder')}
        </Button>
      ) : null}
    </Form>
  );
}
