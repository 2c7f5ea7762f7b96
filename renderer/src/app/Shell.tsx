import { ApartmentOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ZonesPage } from '../features/zones/ZonesPage';
import { showFailure } from '../ui/errors';
import { useApp, useInstallation } from './AppContext';

type PageKey = 'zones' | 'settings';

/** Only modules that exist are listed: later issues add their pages here. */
const PAGES: Record<PageKey, { icon: ReactNode; render: () => ReactNode }> = {
  zones: { icon: <ApartmentOutlined />, render: () => <ZonesPage /> },
  settings: { icon: <SettingOutlined />, render: () => <SettingsPage /> },
};

export function Shell() {
  const { t } = useTranslation();
  const [page, setPage] = useState<PageKey>('zones');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '18px 20px 12px' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.alliance')}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[page]}
          onClick={({ key }) => setPage(key as PageKey)}
          items={(Object.keys(PAGES) as PageKey[]).map((key) => ({ key, icon: PAGES[key].icon, label: t(`nav.${key}`) }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content style={{ padding: 24 }}>{PAGES[page].render()}</Layout.Content>
      </Layout>
    </Layout>
  );
}

function HeaderBar() {
  const { t, i18n } = useTranslation();
  const { api, info, refresh } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();

  async function switchLanguage(language: Language) {
    await i18n.changeLanguage(language);
    try {
      await api.call('settings.update', { language });
      await refresh();
    } catch (error) {
      showFailure(error, message.error);
    }
  }

  return (
    <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
      <Space size="middle" data-testid="installation-identity">
        <Typography.Text strong>{info.zoneName}</Typography.Text>
        <Tag color={installation.role === 'secretariat' ? 'gold' : 'blue'}>{t(`role.${installation.role}`)}</Tag>
        {installation.operatorName ? <Typography.Text type="secondary">{installation.operatorName}</Typography.Text> : null}
        {info.demoLoaded ? <Tag color="orange">{t('app.demo')}</Tag> : null}
      </Space>
      <Segmented
        aria-label={t('common.language')}
        value={i18n.language === 'en' ? 'en' : 'zh-CN'}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'English', value: 'en' },
        ]}
        onChange={(value) => void switchLanguage(value as Language)}
      />
    </Layout.Header>
  );
}
