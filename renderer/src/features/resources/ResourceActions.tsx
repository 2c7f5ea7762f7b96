import { App as AntApp, Button, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceAction, ResourceDetail } from '../../../../shared/domain/resource';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';

/** The workflow buttons the state machine allows this installation; returning asks for a reason. */
export function ResourceActions({ resource, onDone }: { resource: ResourceDetail; onDone(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');

  async function act(action: ResourceAction, reason?: string) {
    try {
      await api.call('resources.transition', { id: resource.id, version: resource.version, action, ...(reason ? { comment: reason } : {}) });
      message.success(t('resources.done', { action: t(`resources.action.${action}`), title: resource.title }));
      setReturning(false);
      onDone();
    } catch (error) {
      showFailure(error, message.error);
    }
  }

  return (
    <Space wrap>
      {resource.allowedActions.map((action) =>
        action === 'return' ? (
          <Button key={action} danger onClick={() => setReturning(true)}>
            {t('resources.action.return')}
          </Button>
        ) : action === 'archive' ? (
          <Popconfirm key={action} title={`${t('resources.action.archive')}「${resource.title}」？`} onConfirm={() => act(action)}>
            <Button>{t('resources.action.archive')}</Button>
          </Popconfirm>
        ) : (
          <Button key={action} type={action === 'approve' || action === 'publish' || action === 'submit' ? 'primary' : 'default'} onClick={() => void act(action)}>
            {t(`resources.action.${action}`)}
          </Button>
        ),
      )}
      <Modal
        open={returning}
        title={`${t('resources.action.return')} · ${resource.title}`}
        onCancel={() => setReturning(false)}
        onOk={() => void act('return', comment)}
        okButtonProps={{ danger: true, disabled: !comment.trim() }}
        okText={t('resources.action.return')}
        cancelText={t('common.cancel')}
      >
        <Input.TextArea autoFocus aria-label={t('resources.returnReason')} rows={4} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('resources.returnReasonPlaceholder')} />
      </Modal>
    </Space>
  );
}
