import { App as AntApp, Button, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioAction, ScenarioDetail } from '../../../../shared/domain/scenario';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';

const PRIMARY: ReadonlySet<ScenarioAction> = new Set(['publish', 'evaluate', 'implement', 'accept']);

/** The lifecycle buttons the core allows this installation now; cancelling asks for a reason. */
export function ScenarioActions({ scenario, onDone }: { scenario: ScenarioDetail; onDone(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function act(action: ScenarioAction, comment?: string) {
    setBusy(true);
    try {
      await api.call('scenarios.transition', { id: scenario.id, version: scenario.version, action, ...(comment ? { comment } : {}) });
      message.success(t('scenarios.done', { action: t(`scenarios.action.${action}`), title: scenario.title }));
      setCancelling(false);
      onDone();
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setBusy(false);
    }
  }

  if (scenario.allowedActions.length === 0) return null;
  return (
    <Space wrap>
      {scenario.allowedActions.map((action) =>
        action === 'cancel' ? (
          <Button key={action} danger onClick={() => setCancelling(true)}>
            {t('scenarios.action.cancel')}
          </Button>
        ) : action === 'accept' ? (
          <Popconfirm key={action} title={t('scenarios.acceptConfirm', { title: scenario.title })} onConfirm={() => act(action)} okText={t('scenarios.action.accept')} cancelText={t('common.back')}>
            <Button type="primary" loading={busy}>
              {t('scenarios.action.accept')}
            </Button>
          </Popconfirm>
        ) : (
          <Button key={action} type={PRIMARY.has(action) ? 'primary' : 'default'} loading={busy} onClick={() => void act(action)}>
            {t(`scenarios.action.${action}`)}
          </Button>
        ),
      )}
      <Modal
        open={cancelling}
        title={t('scenarios.cancelTitle', { title: scenario.title })}
        onCancel={() => setCancelling(false)}
        onOk={() => void act('cancel', reason.trim())}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        okText={t('scenarios.action.cancel')}
        cancelText={t('common.back')}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('scenarios.cancelHint')}</Typography.Paragraph>
        <Input.TextArea autoFocus aria-label={t('scenarios.cancelReason')} rows={4} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('scenarios.cancelReasonPlaceholder')} />
      </Modal>
    </Space>
  );
}
