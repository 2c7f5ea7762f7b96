import { Alert, App as AntApp, Button, Descriptions, Empty, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, RestoreResult } from '../../../../shared/domain/backup';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { backupSize, backupTime, countOf, forgetRestore, isRestorable, reasonLabel, rememberRestore, reloadApp } from './backup-format';

type Phase =
  | { kind: 'confirm' }
  | { kind: 'running' }
  | { kind: 'done'; result: RestoreResult }
  | { kind: 'undoing'; result: RestoreResult }
  | { kind: 'undone'; result: RestoreResult };

interface Props {
  /** The backups on offer, newest first. */
  candidates: readonly BackupEntry[];
  /** The one chosen (the newest when picking). */
  initialId: string;
  /** Let the user choose among `candidates` (the damaged-file banner); otherwise the one chosen is restored. */
  pick?: boolean;
  /** Shown above the list when picking (the backup folder switch). */
  above?: ReactNode;
  /** The chosen backup is the one made before the last restore: restoring it undoes that restore. */
  undoing?: boolean;
  onCancel(): void;
}

/**
 * 恢复备份, the one restore flow of the renderer: says what happens (the current data is backed
 * up first, so the restore can be undone), restores, then shows the result with 撤销. Every
 * page's data changed underneath, so closing the result reloads the renderer; the undo stays on
 * offer in 数据备份 after the reload (sessionStorage).
 */
export function RestoreDialog({ candidates, initialId, pick = false, above, undoing = false, onCancel }: Props) {
  const { t } = useTranslation();
  const { api, info } = useApp();
  const { message } = AntApp.useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'confirm' });
  const [selectedId, setSelectedId] = useState(initialId);
  const [failure, setFailure] = useState<string | null>(null);
  const finishRef = useRef<HTMLButtonElement>(null);
  const chosen = candidates.find((b) => b.id === selectedId) ?? (pick ? candidates[0] : undefined);
  const tooNew = (entry: BackupEntry) => entry.schemaVersion > info.schemaVersion;

  function fail(error: unknown) {
    showFailure(error, (text) => {
      setFailure(text);
      message.error(text);
    });
  }

  async function restore() {
    if (!chosen) return;
    setFailure(null);
    setPhase({ kind: 'running' });
    try {
      const result = await api.call('backups.restore', { id: chosen.id });
      if (undoing) {
        // An undo is not offered for undoing again: 数据备份 lists the backup made just before.
        forgetRestore();
        setPhase({ kind: 'undone', result: { restored: result.undo, undo: chosen } });
      } else {
        rememberRestore(result);
        setPhase({ kind: 'done', result });
      }
    } catch (error) {
      setPhase({ kind: 'confirm' });
      fail(error);
    }
  }

  async function undo(result: RestoreResult) {
    setFailure(null);
    setPhase({ kind: 'undoing', result });
    try {
      await api.call('backups.restore', { id: result.undo.id });
      forgetRestore();
      setPhase({ kind: 'undone', result });
    } catch (error) {
      setPhase({ kind: 'done', result });
      fail(error);
    }
  }

  const busy = phase.kind === 'running' || phase.kind === 'undoing';
  // The keyboard goes on from the result: Enter finishes (the button pressed before is gone or disabled).
  useEffect(() => {
    if (phase.kind === 'done' || phase.kind === 'undone') finishRef.current?.focus();
  }, [phase.kind]);
  const finished = phase.kind === 'done' || phase.kind === 'undoing' || phase.kind === 'undone';
  const close = () => {
    if (busy) return;
    if (finished) reloadApp();
    else onCancel();
  };

  const title = phase.kind === 'undone' ? t('backups.result.undoneTitle') : finished ? t('backups.result.title') : undoing ? t('backups.confirm.undoTitle') : t('backups.confirm.title');

  const footer =
    phase.kind === 'confirm' || phase.kind === 'running' ? (
      <Space>
        <Button key="cancel" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button key="restore" type="primary" danger onClick={() => void restore()} disabled={!chosen || tooNew(chosen) || busy} loading={busy} data-testid="restore-confirm">
          {busy ? t('backups.confirm.running') : undoing ? t('backups.confirm.undoOk') : t('backups.confirm.ok')}
        </Button>
      </Space>
    ) : (
      <Space>
        {phase.kind !== 'undone' && isRestorable(phase.result.undo.id) ? (
          <Button key="undo" onClick={() => void undo(phase.result)} disabled={busy} loading={phase.kind === 'undoing'} data-testid="restore-undo">
            {phase.kind === 'undoing' ? t('backups.result.undoing') : t('backups.result.undo')}
          </Button>
        ) : null}
        <Button key="finish" ref={finishRef} type="primary" onClick={reloadApp} disabled={busy} data-testid="restore-finish">
          {t('backups.result.finish')}
        </Button>
      </Space>
    );

  return (
    <Modal open width={pick ? 680 : 560} title={title} onCancel={close} closable={!busy} keyboard={!busy} mask={{ closable: false }} footer={footer} destroyOnHidden>
      <div data-testid="restore-dialog">
        {phase.kind === 'confirm' || phase.kind === 'running' ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {pick ? (
              <>
                {above}
                {candidates.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('backups.damaged.none')} />
                ) : (
                  <>
                    <Typography.Text strong id="restore-pick-label">
                      {t('backups.damaged.pick')}
                    </Typography.Text>
                    <Radio.Group
                      aria-labelledby="restore-pick-label"
                      value={chosen?.id}
                      onChange={(e) => setSelectedId(e.target.value as string)}
                      disabled={busy}
                      style={{ display: 'flex', flexDirection: 'column', gap: 6, maxHeight: 320, overflowY: 'auto' }}
                      options={candidates.map((b, i) => ({
                        value: b.id,
                        disabled: tooNew(b),
                        label: (
                          <span data-testid="restore-option">
                            {backupTime(b.createdAt)} · {reasonLabel(t, b.reason)} · {t('backups.countsLine', { resources: countOf(b, 'resources'), scenarios: countOf(b, 'scenarios'), events: countOf(b, 'events') })} · {backupSize(b.sizeBytes)}
                            {i === 0 ? <Typography.Text type="success"> {t('backups.newest')}</Typography.Text> : null}
                          </span>
                        ),
                      }))}
                    />
                  </>
                )}
              </>
            ) : chosen ? (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('backups.col.time')}>{backupTime(chosen.createdAt)}</Descriptions.Item>
                <Descriptions.Item label={t('backups.col.reason')}>{reasonLabel(t, chosen.reason)}</Descriptions.Item>
                <Descriptions.Item label={t('backups.contents')}>
                  {t('backups.countsLine', { resources: countOf(chosen, 'resources'), scenarios: countOf(chosen, 'scenarios'), events: countOf(chosen, 'events') })}
                </Descriptions.Item>
              </Descriptions>
            ) : null}
            {chosen ? (
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                {t(undoing ? 'backups.confirm.undoBody' : 'backups.confirm.body', { time: backupTime(chosen.createdAt) })}
              </Typography.Paragraph>
            ) : null}
            {chosen && tooNew(chosen) ? <Alert type="error" showIcon title={t('backups.confirm.tooNew', { version: chosen.schemaVersion, supported: info.schemaVersion })} /> : null}
            {chosen && !tooNew(chosen) && chosen.schemaVersion < info.schemaVersion ? <Typography.Text type="secondary">{t('backups.confirm.older', { version: chosen.schemaVersion })}</Typography.Text> : null}
            <Alert type="info" showIcon title={info.damaged ? t('backups.confirm.safeDamaged') : undoing ? t('backups.confirm.safeUndo') : t('backups.confirm.safe')} description={t('backups.confirm.reload')} />
          </Space>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {phase.kind === 'undone' ? (
              <Alert type="success" showIcon title={t('backups.result.undone', { time: backupTime(phase.result.undo.createdAt) })} data-testid="restore-result" />
            ) : (
              <Alert type="success" showIcon title={t('backups.result.restored', { time: backupTime(phase.result.restored.createdAt) })} data-testid="restore-result" />
            )}
            {phase.kind !== 'undone' ? (
              isRestorable(phase.result.undo.id) ? (
                <Typography.Paragraph style={{ marginBottom: 0 }}>{t('backups.result.undoHint', { time: backupTime(phase.result.undo.createdAt) })}</Typography.Paragraph>
              ) : (
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  {t('backups.result.damagedKept')} <Typography.Text code copyable>{phase.result.undo.id}</Typography.Text>
                </Typography.Paragraph>
              )
            ) : null}
            <Typography.Text type="secondary">{t('backups.result.reloadHint')}</Typography.Text>
          </Space>
        )}
        {failure ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={failure} data-testid="restore-failure" /> : null}
      </div>
    </Modal>
  );
}
