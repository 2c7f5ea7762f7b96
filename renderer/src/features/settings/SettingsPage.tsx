import { App as AntApp, Button, Card, Descriptions, Form, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Installation } from '../../../../shared/domain/settings';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { IdentityFields } from '../setup/IdentityFields';
import { CategoriesCard } from './CategoriesCard';
import { EventTypesCard } from './EventTypesCard';
import { BackupCard } from '../backups/BackupCard';
import { ExchangeCard } from './ExchangeCard';
import { HolidaySettingsCard } from './HolidaySettingsCard';
import { ScenarioCategoriesCard } from './ScenarioCategoriesCard';

/**
 * 设置: who this installation is; for the secretariat the configurable lists (resource and
 * scenario categories, event types); the holiday arrangements (the secretariat edits, members
 * read); the data exchange with the other installations; the demo data switch; and where the
 * data lives.
 */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { api, info, refresh } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Installation>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setBusy(false);
    }
  }

  const save = (values: Installation) =>
    run(async () => {
      await api.call('settings.update', values);
      await i18n.changeLanguage(values.language);
      await refresh();
      message.success(t('settings.saved'));
    });

  const demo = (channel: 'demo.load' | 'demo.remove') =>
    run(async () => {
      const summary = await api.call(channel);
      const count = Object.values(summary.counts).reduce((a, b) => a + b, 0);
      await refresh();
      message.success(t(channel === 'demo.load' ? 'settings.demoAdded' : 'settings.demoRemoved', { count }));
    });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 760 }}>
      <Card title={t('settings.identity')}>
        <Form<Installation> form={form} layout="vertical" initialValues={installation} onFinish={(v) => void save(v)}>
          <IdentityFields api={api} />
          <Form.Item name="language" label={t('common.language')}>
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'zh-CN', label: '中文（简体）' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('settings.save')}
          </Button>
        </Form>
      </Card>
      <ExchangeCard />
      {installation.role === 'secretariat' ? (
        <>
          <CategoriesCard />
          <ScenarioCategoriesCard />
          <EventTypesCard />
        </>
      ) : null}
      <HolidaySettingsCard />
      <BackupCard />
      <Card title={t('settings.demo')}>
        <Space orientation="vertical">
          <Typography.Text>{info.demoLoaded ? t('settings.demoLoaded') : t('settings.demoNone')}</Typography.Text>
          {info.demoLoaded ? (
            <Popconfirm title={t('settings.demoRemoveConfirm')} onConfirm={() => demo('demo.remove')}>
              <Button danger loading={busy}>
                {t('settings.demoRemove')}
              </Button>
            </Popconfirm>
          ) : (
            <Button onClick={() => void demo('demo.load')} loading={busy}>
              {t('settings.demoLoad')}
            </Button>
          )}
        </Space>
      </Card>
      <Card title={t('settings.about')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('settings.version')}>{info.appVersion}</Descriptions.Item>
          <Descriptions.Item label={t('settings.schema')}>{info.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label={t('settings.dataDir')}>
            <Typography.Text copyable>{info.dataDir}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
