import { FolderOpenOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeIdentity, SyncSummary } from '../../../../shared/domain/exchange';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { countsLine } from './labels';
import { Refusals } from './ResultParts';
import { applyAutoSync, AUTO_MINUTES, runSync, useSyncState, type SyncOutcome } from './syncRunner';

interface FolderValues {
  folder: string;
}

/**
 * 交换文件夹: the folder path (saved by the core, which checks it exists), 立即同步 with its
 * summary, and the optional timer.
 */
export function FolderSection({ identity, onIdentity }: { identity: ExchangeIdentity | null; onIdentity(identity: ExchangeIdentity): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FolderValues>();
  const [saving, setSaving] = useState(false);
  const { syncing, last, auto } = useSyncState();
  const saved = identity?.folder ?? '';
  const typed = Form.useWatch('folder', form) ?? '';
  const dirty = typed.trim() !== saved;

  useEffect(() => form.setFieldsValue({ folder: saved }), [form, saved]);

  async function save(folder: string) {
    setSaving(true);
    try {
      onIdentity(await api.call('exchange.setFolder', { folder }));
      message.success(folder ? t('exchange.folder.saved') : t('exchange.folder.cleared'));
      if (!folder && auto.enabled) applyAutoSync(api, { ...auto, enabled: false }); // nothing to sync with
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  async function sync() {
    const outcome = await runSync(api);
    if (!outcome) return;
    if (!outcome.ok) showFailure(outcome.error, message.error);
    else if (outcome.summary.failed.length > 0) message.warning(t('exchange.sync.failed', { count: outcome.summary.failed.length }));
    else message.success(t('exchange.sync.done'));
  }

  function setAuto(next: { enabled?: boolean; minutes?: number | null }) {
    const minutes = next.minutes === undefined || next.minutes === null ? auto.minutes : Math.min(AUTO_MINUTES.max, Math.max(AUTO_MINUTES.min, Math.round(next.minutes)));
    const settings = { enabled: next.enabled ?? auto.enabled, minutes };
    applyAutoSync(api, settings);
    if (next.enabled !== undefined) message.info(settings.enabled ? t('exchange.folder.autoOn', { minutes }) : t('exchange.folder.autoOff'));
  }

  return (
    <section aria-labelledby="exchange-folder-title" data-testid="exchange-folder">
      <Typography.Title level={5} id="exchange-folder-title">
        {t('exchange.folder.title')}
      </Typography.Title>
      <Form<FolderValues>
        form={form}
        layout="vertical"
        initialValues={{ folder: saved }}
        onValuesChange={() => form.setFields([{ name: 'folder', errors: [] }])}
        onFinish={(v) => void save((v.folder ?? '').trim())}
      >
        <Form.Item label={t('exchange.folder.label')} extra={t('exchange.folder.help')} style={{ marginBottom: 12 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="folder" noStyle>
              <Input prefix={<FolderOpenOutlined />} placeholder={t('exchange.folder.placeholder')} aria-label={t('exchange.folder.label')} maxLength={1000} allowClear />
            </Form.Item>
            <Button type={dirty ? 'primary' : 'default'} htmlType="submit" disabled={saving || !dirty}>
              {t('exchange.folder.save')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <Space wrap size={[16, 8]} align="center">
        <Button type="primary" icon={<SyncOutlined spin={syncing} />} disabled={!saved || syncing || dirty} onClick={() => void sync()} data-testid="exchange-sync">
          {syncing ? t('exchange.folder.syncing') : t('exchange.folder.sync')}
        </Button>
        <Space size={6} align="center">
          <Switch checked={auto.enabled} disabled={!saved} onChange={(enabled) => setAuto({ enabled })} aria-label={t('exchange.folder.auto')} />
          <Typography.Text>{t('exchange.folder.auto')}</Typography.Text>
          <Typography.Text type="secondary">{t('exchange.folder.every')}</Typography.Text>
          <InputNumber
            size="small"
            min={AUTO_MINUTES.min}
            max={AUTO_MINUTES.max}
            precision={0}
            value={auto.minutes}
            style={{ width: 64 }}
            aria-label={t('exchange.folder.minutes')}
            onChange={(minutes) => setAuto({ minutes })}
          />
          <Typography.Text type="secondary">{t('exchange.folder.minutes')}</Typography.Text>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {!saved ? t('exchange.folder.needFolder') : dirty ? t('exchange.folder.unsaved') : t('exchange.folder.syncHelp')}
      </Typography.Paragraph>
      {last ? <LastSync outcome={last} /> : null}
    </section>
  );
}

function LastSync({ outcome }: { outcome: SyncOutcome }) {
  const { t } = useTranslation();
  const when = `${t('exchange.sync.lastAt', { at: dayjs(outcome.at).format('YYYY-MM-DD HH:mm:ss') })}${outcome.auto ? t('exchange.sync.lastAuto') : ''}`;
  if (!outcome.ok) {
    const text = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return <Alert type="error" showIcon title={t('exchange.sync.failedTitle')} description={`${when} · ${text}`} data-testid="exchange-sync-result" data-at={outcome.at} />;
  }
  return <SyncSummaryView summary={outcome.summary} when={when} at={outcome.at} />;
}

/** What a sync sent, what came in from whom, and the files it could not import. */
export function SyncSummaryView({ summary, when, at }: { summary: SyncSummary; when: string; at?: string }) {
  const { t } = useTranslation();
  const failed = summary.failed.length > 0;
  const refused = summary.received.filter((r) => r.refusals.length > 0);
  return (
    <Alert
      type={failed ? 'warning' : 'success'}
      showIcon
      data-testid="exchange-sync-result"
      data-at={at}
      title={when}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <span data-testid="exchange-sync-sent">{summary.sent ? t('exchange.sync.sent', { count: summary.sent.count, file: summary.sent.fileName }) : t('exchange.sync.sentNone')}</span>
          {summary.received.length === 0 ? <span data-testid="exchange-sync-received">{t('exchange.sync.receivedNone')}</span> : null}
          {summary.received.map((r) => (
            <span key={r.packageId} data-testid="exchange-sync-received">
              {t('exchange.sync.receivedFrom', { zone: r.sender.zoneName, counts: countsLine(t, r.kinds) })}
              {r.keyNotice ? (
                <Typography.Text type="warning" style={{ display: 'block' }}>
                  {r.keyNotice}
                </Typography.Text>
              ) : null}
              {r.notices.map((n) => (
                <Typography.Text key={n} type="warning" style={{ display: 'block' }}>
                  {n}
                </Typography.Text>
              ))}
            </span>
          ))}
          {refused.map((r) => (
            <Refusals key={r.packageId} refusals={r.refusals} title={t('exchange.sync.refusalsOf', { zone: r.sender.zoneName })} />
          ))}
          {failed ? (
            <div data-testid="exchange-sync-failed">
              <Typography.Text strong type="danger">
                {t('exchange.sync.failed', { count: summary.failed.length })}
              </Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {summary.failed.map((f) => (
                  <li key={f.fileName}>
                    <Typography.Text code>{f.fileName}</Typography.Text> {f.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Space>
      }
    />
  );
}
