import { Alert, App as AntApp, Button, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedRequestActions, slotHasBegun, type RequestAction, type SharingRequest } from '../../../../shared/domain/sharing-request';
import { ApiError } from '../../api/client';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { announceRequestsChanged } from './request-events';
import { RequestSummary } from './RequestSummary';

type NoteAction = Exclude<RequestAction, 'cancel'>;

/**
 * The buttons the request workflow allows this installation. Approving, declining and
 * completing open a small dialog for the 处理意见 (required to decline); a refusal from the
 * core — e.g. an overlapping booking — stays visible in that dialog, not only as a toast.
 */
export function RequestActions({ request, onDone }: { request: SharingRequest; onDone?: () => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [acting, setActing] = useState<NoteAction | null>(null);
  // A slot that has begun can only be declined: approving it would be refused.
  const slotPassed = request.status === 'pending' && slotHasBegun(request, new Date());
  const actions = allowedRequestActions(request, installation).filter((a) => !(a === 'approve' && slotPassed));

  async function cancel() {
    try {
      await api.call('requests.cancel', { id: request.id, version: request.version });
      message.success(t('requests.done.cancel'));
      announceRequestsChanged();
      onDone?.();
    } catch (error) {
      showFailure(error, message.error);
    }
  }

  if (actions.length === 0) return null;
  return (
    <Space size={0} wrap>
      {slotPassed ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="slot-passed">
          {t('requests.slotPassed')}
        </Typography.Text>
      ) : null}
      {actions.map((action) =>
        action === 'cancel' ? (
          <Popconfirm key={action} title={t('requests.cancelConfirm')} onConfirm={() => cancel()} okText={t('requests.action.cancel')} cancelText={t('common.back')}>
            <Button type="link" size="small" danger>
              {t('requests.action.cancel')}
            </Button>
          </Popconfirm>
        ) : (
          <Button key={action} type="link" size="small" danger={action === 'decline'} onClick={() => setActing(action)}>
            {t(`requests.action.${action}`)}
          </Button>
        ),
      )}
      {acting ? (
        <NoteDialog
          request={request}
          action={acting}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            announceRequestsChanged();
            onDone?.();
          }}
        />
      ) : null}
    </Space>
  );
}

function NoteDialog({ request, action, onClose, onDone }: { request: SharingRequest; action: NoteAction; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const noteRequired = action === 'decline';

  async function submit() {
    setSaving(true);
    setRefusal(null);
    try {
      if (action === 'complete') await api.call('requests.complete', { id: request.id, version: request.version, note });
      else await api.call('requests.decide', { id: request.id, version: request.version, decision: action, note });
      message.success(t(`requests.done.${action}`));
      onDone();
    } catch (error) {
      if (error instanceof ApiError) setRefusal(error.message);
      showFailure(error, (text) => message.error({ content: text, duration: 6 }));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`${t(`requests.action.${action}`)} · ${request.organisation}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(`requests.action.${action}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: action === 'decline', disabled: noteRequired && !note.trim(), loading: saving }}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <RequestSummary request={request} />
        {refusal ? <Alert type="error" showIcon title={refusal} data-testid="request-refusal" /> : null}
        <Typography.Text>{t(noteRequired ? 'requests.noteRequired' : 'requests.noteOptional')}</Typography.Text>
        <Input.TextArea
          autoFocus
          aria-label={t('requests.field.note')}
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t(`requests.notePlaceholder.${action}`)}
        />
      </Space>
    </Modal>
  );
}
