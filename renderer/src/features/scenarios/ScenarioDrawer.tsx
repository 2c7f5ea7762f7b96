import { Alert, App as AntApp, Button, Descriptions, Drawer, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationRanking } from '../../../../shared/domain/scenario-application';
import type { ScenarioDetail } from '../../../../shared/domain/scenario';
import { shanghaiToday } from '../../../../shared/shanghai-date';
import { useApp } from '../../app/AppContext';
import { NavigationContext, useNavigator, type Navigator } from '../../app/navigation';
import { AttachmentsPanel } from '../../ui/AttachmentsPanel';
import { showFailure } from '../../ui/errors';
import { RecordHistory } from '../../ui/RecordHistory';
import { StandaloneResourceDrawer } from '../resources/StandaloneResourceDrawer';
import { ApplicationsTab } from './ApplicationsTab';
import { DeadlineText } from './DeadlineText';
import { budgetLabel, SCENARIO_KIND_COLORS } from './labels';
import { MatchedResources } from './MatchedResources';
import { ScenarioActions } from './ScenarioActions';
import { ScenarioFormModal } from './ScenarioFormModal';
import { ScenarioStatusTag } from './ScenarioStatusTag';
import type { ScenarioLookups } from './useScenarioLookups';

/** One listing: its fields and deadline, lifecycle, applications with their ranking, matching resources, files and history. */
export function ScenarioDrawer({ id, lookups, onClose, onChanged }: { id: string; lookups: ScenarioLookups; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const navigator = useNavigator();
  const [scenario, setScenario] = useState<ScenarioDetail | null>(null);
  const [ranking, setRanking] = useState<ApplicationRanking | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('details');
  const [resourceId, setResourceId] = useState<string | null>(null);
  const today = shanghaiToday();

  const load = useCallback(async () => {
    try {
      const [detail, nextRanking] = await Promise.all([api.call('scenarios.get', { id }), api.call('applications.ranking', { scenarioId: id })]);
      setScenario(detail);
      setRanking(nextRanking);
    } catch (error) {
      showFailure(error, message.error);
      onClose();
    }
  }, [api, id, message, onClose]);
  useEffect(() => void load(), [load]);

  const changed = () => {
    void load();
    onChanged();
  };
  const closeResource = useCallback(() => setResourceId(null), []);
  // Inside the resource drawer opened from here, a listing link closes that drawer first.
  const nestedNavigator = useMemo<Navigator | null>(
    () =>
      navigator && {
        ...navigator,
        openScenario: (next) => {
          setResourceId(null);
          if (next === id) setTab('details');
          else navigator.openScenario(next);
        },
      },
    [navigator, id],
  );
  const label = (key: string) => t(`scenarios.field.${key}`);
  const matchedOrganisation = scenario?.matchedApplicationId ? ranking?.applications.find((a) => a.id === scenario.matchedApplicationId)?.organisation : undefined;

  return (
    <Drawer open width={980} onClose={onClose} title={scenario?.title ?? t('app.loading')} extra={scenario?.editable ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}>
      {!scenario ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="scenario-detail">
          <Space wrap size={[6, 6]}>
            <ScenarioStatusTag status={scenario.status} deadline={scenario.deadline} today={today} testId="scenario-status" />
            <Tag color={SCENARIO_KIND_COLORS[scenario.kind]}>{t(`scenarios.kind.${scenario.kind}`)}</Tag>
            <Tag>{scenario.categoryName}</Tag>
            <Typography.Text type="secondary">
              {scenario.ownerZoneName} · {scenario.demandOrganisation}
            </Typography.Text>
            {scenario.isDemo ? <Tag color="orange">{t('app.demo')}</Tag> : null}
          </Space>
          <DeadlineBanner scenario={scenario} today={today} matchedOrganisation={matchedOrganisation} />
          <Space wrap>
            <ScenarioActions scenario={scenario} onDone={changed} />
            {/* A roadshow / matchmaking event with the listing and its applicants on the agenda (drafted by the core). */}
            {scenario.mayEvaluate && navigator?.planRoadshow && scenario.applicationCount > 0 && scenario.status !== 'cancelled' ? (
              <Button data-testid="plan-roadshow" onClick={() => navigator.planRoadshow?.(scenario.id)}>
                {t('scenarios.planRoadshow')}
              </Button>
            ) : null}
          </Space>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'details',
                label: t('scenarios.tab.details'),
                children: (
                  <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                    <Descriptions column={2} size="small" bordered styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}>
                      <Descriptions.Item label={label('demandOrganisation')}>{scenario.demandOrganisation}</Descriptions.Item>
                      <Descriptions.Item label={label('ownerZoneId')}>{scenario.ownerZoneName}</Descriptions.Item>
                      <Descriptions.Item label={label('categoryId')}>{scenario.categoryName}</Descriptions.Item>
                      <Descriptions.Item label={label('kind')}>{t(`scenarios.kind.${scenario.kind}`)}</Descriptions.Item>
                      <Descriptions.Item label={t('scenarios.budget')}>{budgetLabel(scenario, i18n.language)}</Descriptions.Item>
                      <Descriptions.Item label={label('period')}>{scenario.periodStart || scenario.periodEnd ? `${scenario.periodStart || '…'} ~ ${scenario.periodEnd || '…'}` : '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('deadline')}>
                        {scenario.deadline ? <DeadlineText deadline={scenario.deadline} status={scenario.status} today={today} /> : '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={label('publishedAt')}>{scenario.publishedAt ? dayjs(scenario.publishedAt).format('YYYY-MM-DD') : '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('description')} span={2}>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{scenario.description}</Typography.Paragraph>
                      </Descriptions.Item>
                      <Descriptions.Item label={label('requirements')} span={2}>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{scenario.requirements || '—'}</Typography.Paragraph>
                      </Descriptions.Item>
                      <Descriptions.Item label={label('expectedOutcome')} span={2}>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{scenario.expectedOutcome || '—'}</Typography.Paragraph>
                      </Descriptions.Item>
                      <Descriptions.Item label={label('tags')} span={2}>
                        {scenario.tags.length ? scenario.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={label('criteria')} span={2}>
                        {scenario.criteria.length
                          ? scenario.criteria.map((c) => (
                              <Tag key={c.key} color="blue">
                                {c.name} {c.weight}%
                              </Tag>
                            ))
                          : t('applications.noCriteria')}
                      </Descriptions.Item>
                    </Descriptions>
                    <Descriptions title={t('scenarios.contact')} column={3} size="small">
                      <Descriptions.Item label={label('contactPerson')}>{scenario.contactPerson}</Descriptions.Item>
                      <Descriptions.Item label={label('contactPhone')}>{scenario.contactPhone || '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('contactEmail')}>{scenario.contactEmail || '—'}</Descriptions.Item>
                    </Descriptions>
                    <div>
                      <Typography.Title level={5} style={{ marginTop: 0 }}>
                        {t('scenarios.attachments', { count: scenario.attachments.length })}
                      </Typography.Title>
                      <AttachmentsPanel recordKind="scenario" recordId={scenario.id} attachments={scenario.attachments} editable={scenario.editable} onChanged={changed} />
                    </div>
                    <Typography.Text type="secondary">
                      {t('scenarios.updated', { at: dayjs(scenario.updatedAt).format('YYYY-MM-DD HH:mm'), by: scenario.updatedBy })}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                key: 'applications',
                label: t('scenarios.tab.applications', { count: ranking?.applications.filter((a) => a.status !== 'withdrawn').length ?? scenario.applicationCount }),
                children: <ApplicationsTab scenario={scenario} ranking={ranking} lookups={lookups} onRanking={setRanking} onChanged={changed} />,
              },
              { key: 'matches', label: t('scenarios.tab.matches'), children: <MatchedResources scenarioId={scenario.id} onOpenResource={setResourceId} /> },
              {
                key: 'history',
                label: t('scenarios.tab.history'),
                children: (
                  <RecordHistory
                    recordId={scenario.id}
                    label={(key) => t(`scenarios.field.${key}`, { defaultValue: key })}
                    format={(key, value) => formatHistoryValue(key, value, t, lookups)}
                  />
                ),
              },
            ]}
          />
        </Space>
      )}
      {editing && scenario ? (
        <ScenarioFormModal
          scenario={scenario}
          lookups={lookups}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            changed();
          }}
        />
      ) : null}
      {resourceId ? (
        <NavigationContext.Provider value={nestedNavigator}>
          <StandaloneResourceDrawer id={resourceId} onClose={closeResource} />
        </NavigationContext.Provider>
      ) : null}
    </Drawer>
  );
}

/** The deadline where nobody can miss it: still open (and for how long), closed, matched or cancelled. */
function DeadlineBanner({ scenario, today, matchedOrganisation }: { scenario: ScenarioDetail; today: string; matchedOrganisation: string | undefined }) {
  const { t } = useTranslation();
  if (scenario.status === 'cancelled') {
    return <Alert type="error" showIcon message={t('scenarios.banner.cancelled')} description={scenario.cancelReason} data-testid="deadline-banner" />;
  }
  if (scenario.status === 'matched' || scenario.status === 'implementing' || scenario.status === 'accepted') {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="deadline-banner"
        message={matchedOrganisation ? t('scenarios.banner.matchedBy', { organisation: matchedOrganisation, status: t(`scenarios.status.${scenario.status}`) }) : t(`scenarios.status.${scenario.status}`)}
      />
    );
  }
  if (scenario.status === 'draft') {
    return <Alert type="info" showIcon data-testid="deadline-banner" message={scenario.deadline ? t('scenarios.banner.draft', { date: scenario.deadline }) : t('scenarios.banner.draftNoDeadline')} />;
  }
  if (scenario.acceptingApplications) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="deadline-banner"
        message={
          <Space wrap>
            <span>{scenario.deadline ? t('scenarios.banner.open') : t('scenarios.banner.openNoDeadline')}</span>
            {scenario.deadline ? <DeadlineText deadline={scenario.deadline} status={scenario.status} today={today} /> : null}
          </Space>
        }
      />
    );
  }
  if (scenario.status === 'evaluating') return <Alert type="warning" showIcon data-testid="deadline-banner" message={t('scenarios.banner.evaluating')} />;
  return <Alert type="warning" showIcon data-testid="deadline-banner" message={t('scenarios.banner.closed', { date: scenario.deadline })} />;
}

function formatHistoryValue(key: string, value: unknown, t: (key: string, options?: Record<string, unknown>) => string, lookups: ScenarioLookups): string {
  if (value === null || value === '' || value === undefined) return t('scenarios.history.empty');
  if (key === 'status') return t(`scenarios.status.${String(value)}`);
  if (key === 'action') return t(`scenarios.action.${String(value)}`);
  if (key === 'kind') return t(`scenarios.kind.${String(value)}`);
  if (key === 'categoryId') return lookups.categoryName(String(value));
  if (key === 'criteria' && Array.isArray(value)) return (value as Array<{ name: string; weight: number }>).map((c) => `${c.name} ${c.weight}%`).join('、') || t('scenarios.history.empty');
  if (Array.isArray(value)) return value.join('、') || t('scenarios.history.empty');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
