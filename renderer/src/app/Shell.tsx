import { ApartmentOutlined, AuditOutlined, CalendarOutlined, DashboardOutlined, DatabaseOutlined, FlagOutlined, LineChartOutlined, ProfileOutlined, ScheduleOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import { RequestsPage, type RequestsTab } from '../features/requests/RequestsPage';
import { ResourcesPage } from '../features/resources/ResourcesPage';
import { ReviewQueuePage } from '../features/review/ReviewQueuePage';
import { ScenariosPage } from '../features/scenarios/ScenariosPage';
import { EventsPage } from '../features/events/EventsPage';
import { useEventReminders } from '../features/events/useEventReminders';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ZonesPage } from '../features/zones/ZonesPage';
import { DashboardPage } from '../features/plan/DashboardPage';
import { PlanPage } from '../features/plan/PlanPage';
import { IndicatorsPage } from '../features/indicators/IndicatorsPage';
import { applyAutoSync } from '../features/exchange/syncRunner';
import { showFailure } from '../ui/errors';
import { useApp, useInstallation } from './AppContext';
import { GlobalSearch } from './GlobalSearch';
import { NavigationContext, type Navigator } from './navigation';

type PageKey = 'dashboard' | 'plan' | 'indicators' | 'resources' | 'review' | 'scenarios' | 'events' | 'requests' | 'zones' | 'settings';

interface Navigation {
  page: PageKey;
  /** The resource whose drawer is open on the registry page. */
  resourceId: string | null;
  /** The listing whose drawer is open on the 应用场景 page. */
  scenarioId: string | null;
  /** The event whose drawer is open on the 创新活动 page. */
  eventId?: string | null;
  /** A listing whose roadshow the 创新活动 page should start planning (events.roadshowDraft). */
  roadshowFrom?: string | null;
  /** The 年度计划 page's year and the work item to point at (from the dashboard's attention list). */
  planYear?: number;
  workItemId?: string | null;
  /** The 共享申请 tab to open on. */
  requestsTab?: RequestsTab;
}

const AT_PAGE = (page: PageKey): Navigation => ({ page, resourceId: null, scenarioId: null });

/** Only modules that exist are listed: later issues add their pages here. */
const PAGE_ICONS: Record<PageKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  plan: <ProfileOutlined />,
  indicators: <LineChartOutlined />,
  resources: <DatabaseOutlined />,
  review: <AuditOutlined />,
  requests: <ScheduleOutlined />,
  scenarios: <FlagOutlined />,
  events: <CalendarOutlined />,
  zones: <ApartmentOutlined />,
  settings: <SettingOutlined />,
};

export function Shell() {
  const { t } = useTranslation();
  const installation = useInstallation();
  const [nav, setNav] = useState<Navigation>(AT_PAGE('dashboard'));
  const [searching, setSearching] = useState(false);
  const pages = (Object.keys(PAGE_ICONS) as PageKey[]).filter((key) => key !== 'review' || installation.role === 'secretariat');
  const navigator = useMemo<Navigator>(
    () => ({
      openResource: (id) => setNav({ ...AT_PAGE('resources'), resourceId: id }),
      openScenario: (id) => setNav({ ...AT_PAGE('scenarios'), scenarioId: id }),
      openEvent: (id) => setNav({ ...AT_PAGE('events'), eventId: id }),
      planRoadshow: (scenarioId) => setNav({ ...AT_PAGE('events'), roadshowFrom: scenarioId }),
      openWorkItem: (id, year) => setNav({ ...AT_PAGE('plan'), planYear: year, workItemId: id }),
      openRequestsToMine: () => setNav({ ...AT_PAGE('requests'), requestsTab: 'toMine' }),
    }),
    [],
  );
  useEventReminders(navigator.openEvent ?? (() => undefined), t('events.reminder.title'), t('events.reminder.open'));

  function render(page: PageKey): ReactNode {
    switch (page) {
      case 'dashboard':
        return <DashboardPage />;
      case 'plan':
        return <PlanPage initialYear={nav.planYear} focusWorkItemId={nav.workItemId ?? null} />;
      case 'indicators':
        return <IndicatorsPage />;
      case 'resources':
        return <ResourcesPage openId={nav.resourceId} onOpenChange={(id) => setNav({ ...AT_PAGE('resources'), resourceId: id })} />;
      case 'scenarios':
        return <ScenariosPage openId={nav.scenarioId} onOpenChange={(id) => setNav({ ...AT_PAGE('scenarios'), scenarioId: id })} />;
      case 'events':
        return (
          <EventsPage
            openId={nav.eventId ?? null}
            onOpenChange={(id) => setNav({ ...AT_PAGE('events'), eventId: id })}
            roadshowFrom={nav.roadshowFrom ?? null}
            onRoadshowHandled={() => setNav((current) => (current.page === 'events' ? { ...current, roadshowFrom: null } : current))}
          />
        );
      case 'review':
        return <ReviewQueuePage />;
      case 'requests':
        return <RequestsPage initialTab={nav.requestsTab ?? 'mine'} />;
      case 'zones':
        return <ZonesPage />;
      case 'settings':
        return <SettingsPage />;
    }
  }

  return (
    <NavigationContext.Provider value={navigator}>
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
          onClick={({ key }) => setNav(AT_PAGE(key as PageKey))}
          items={pages.map((key) => ({ key, icon: PAGE_ICONS[key], label: t(`nav.${key}`) }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar onSearch={() => setSearching(true)} />
        <Layout.Content style={{ padding: 24 }}>{render(nav.page)}</Layout.Content>
      </Layout>
      <GlobalSearch
        open={searching}
        onOpenChange={setSearching}
        onPick={(hit) =>
          hit.kind === 'resource' ? navigator.openResource(hit.id) : hit.kind === 'scenario' ? navigator.openScenario(hit.id) : hit.kind === 'event' ? navigator.openEvent?.(hit.id) : setNav(AT_PAGE('zones'))
        }
      />
    </Layout>
    </NavigationContext.Provider>
  );
}

function HeaderBar({ onSearch }: { onSearch(): void }) {
  const { t, i18n } = useTranslation();
  const { api, info, refresh } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  // The exchange folder's automatic sync (if switched on) runs from the moment the app opens.
  useEffect(() => applyAutoSync(api), [api]);

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
