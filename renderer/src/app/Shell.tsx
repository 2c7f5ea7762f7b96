import { ApartmentOutlined, AuditOutlined, DatabaseOutlined, ScheduleOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import { RequestsPage } from '../features/requests/RequestsPage';
import { ResourcesPage } from '../features/resources/ResourcesPage';
import { ReviewQueuePage } from '../features/review/ReviewQueuePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ZonesPage } from '../features/zones/ZonesPage';
import { showFailure } from '../ui/errors';
import { useApp, useInstallation } from './AppContext';
import { GlobalSearch } from './GlobalSearch';

type PageKey = 'resources' | 'review' | 'requests' | 'zones' | 'settings';

interface Navigation {
  page: PageKey;
  resourceId: string | null;
}

/** Only modules that exist are listed: later issues add their pages here. */
const PAGE_ICONS: Record<PageKey, ReactNode> = {
  resources: <DatabaseOutlined />,
  review: <AuditOutlined />,
  requests: <ScheduleOutlined />,
  zones: <ApartmentOutlined />,
  settings: <SettingOutlined />,
};

export function Shell() {
  const { t } = useTranslation();
  const installation = useInstallation();
  const [nav, setNav] = useState<Navigation>({ page: 'resources', resourceId: null });
  const [searching, setSearching] = useState(false);
  const pages = (Object.keys(PAGE_ICONS) as PageKey[]).filter((key) => key !== 'review' || installation.role === 'secretariat');

  function render(page: PageKey): ReactNode {
    switch (page) {
      case 'resources':
        return <ResourcesPage openId={nav.resourceId} onOpenChange={(id) => setNav({ page: 'resources', resourceId: id })} />;
      case 'review':
        return <ReviewQueuePage />;
      case 'requests':
        return <RequestsPage />;
      case 'zones':
        return <ZonesPage />;
      case 'settings':
        return <SettingsPage />;
    }
  }

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
          selectedKeys={[nav.page]}
          onClick={({ key }) => setNav({ page: key as PageKey, resourceId: null })}
          items={pages.map((key) => ({ key, icon: PAGE_ICONS[key], label: t(`nav.${key}`) }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar onSearch={() => setSearching(true)} />
        <Layout.Content style={{ padding: 24 }}>{render(nav.page)}</Layout.Content>
      </Layout>
      <GlobalSearch open={searching} onOpenChange={setSearching} onPick={(hit) => setNav(hit.kind === 'resource' ? { page: 'resources', resourceId: hit.id } : { page: 'zones', resourceId: null })} />
    </Layout>
  );
}

function HeaderBar({ onSearch }: { onSearch(): void }) {
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
      <Space>
      <Button icon={<SearchOutlined />} onClick={onSearch}>
        {t('globalSearch.title')} <Typography.Text type="secondary" keyboard>Ctrl K</Typography.Text>
      </Button>
      <Segmented
        aria-label={t('common.language')}
        value={i18n.language === 'en' ? 'en' : 'zh-CN'}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'English', value: 'en' },
        ]}
        onChange={(value) => void switchLanguage(value as Language)}
      />
      </Space>
    </Layout.Header>
  );
}
