import { DeleteOutlined, FilePdfOutlined, PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, List, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, type Attachment, type AttachmentRecordKind } from '../../../shared/domain/resource';
import { useApp } from '../app/AppContext';
import { showFailure } from './errors';

interface Props {
  recordKind: AttachmentRecordKind;
  recordId: string;
  attachments: readonly Attachment[];
  /** Whether this installation may add and remove files (opening is always allowed). */
  editable: boolean;
  onChanged(): void;
}

/** Photos and PDFs of any record (resource, listing, application): upload (size checked before sending), open, remove. */
export function AttachmentsPanel({ recordKind, recordId, attachments, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [uploading, setUploading] = useState(false);

  async function upload(file: File) {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      message.error(t('attachments.tooLarge', { name: file.name, size: (file.size / 1048576).toFixed(1) }));
      return;
    }
    setUploading(true);
    try {
      await api.call('attachments.add', { recordKind, recordId, fileName: file.name, dataBase64: await toBase64(file) });
      onChanged();
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setUploading(false);
    }
  }

  async function open(id: string) {
    try {
      const content = await api.call('attachments.read', { id });
      const bytes = Uint8Array.from(atob(content.dataBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: content.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = content.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      showFailure(error, message.error);
    }
  }

  async function remove(id: string) {
    try {
      await api.call('attachments.remove', { id });
      onChanged();
    } catch (error) {
      showFailure(error, message.error);
    }
  }

  return (
    <div data-testid="attachments">
      {editable ? (
        <Upload accept=".png,.jpg,.jpeg,.webp,.pdf" showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
          <Button icon={<UploadOutlined />} loading={uploading}>
            {t('attachments.upload')}
          </Button>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {t('attachments.uploadHint')}
          </Typography.Text>
        </Upload>
      ) : null}
      <List
        size="small"
        dataSource={[...attachments]}
        locale={{ emptyText: t('attachments.none') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="open" type="link" size="small" onClick={() => void open(a.id)}>
                {t('attachments.open')}
              </Button>,
              editable ? (
                <Popconfirm key="rm" title={t('attachments.removeConfirm', { name: a.fileName })} onConfirm={() => remove(a.id)} okText={t('attachments.remove')} cancelText={t('common.cancel')}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('attachments.remove')} />
                </Popconfirm>
              ) : null,
            ]}
          >
            {a.mime === 'application/pdf' ? <FilePdfOutlined /> : <PictureOutlined />} {a.fileName}{' '}
            <Typography.Text type="secondary">{(a.size / 1024).toFixed(0)} KB</Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
