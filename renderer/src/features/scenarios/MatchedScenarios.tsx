import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiToday } from '../../../../shared/shanghai-date';
import { useApp } from '../../app/AppContext';
import { useNavigator } from '../../app/navigation';
import { DeadlineText } from './DeadlineText';
import { SCENARIO_KIND_COLORS } from './labels';
import { MatchList } from './MatchList';
import { ScenarioStatusTag } from './ScenarioStatusTag';

/** 可服务的场景清单: open listings this resource could serve, best first; a title opens the listing on the 应用场景 page. */
export function MatchedScenarios({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const navigator = useNavigator();
  const today = shanghaiToday();
  return (
    <MatchList
      loadKey={resourceId}
      testId="matched-scenarios"
      itemTestId="scenario-match"
      emptyText={t('matching.noScenarios')}
      onOpen={navigator ? (id) => navigator.openScenario(id) : undefined}
      load={async () =>
        (await api.call('resources.matchScenarios', { id: resourceId, limit: 30 })).map((m) => ({
          id: m.scenario.id,
          title: m.scenario.title,
          score: m.score,
          reasons: m.reasons,
          tags: (
            <>
              <Tag color={SCENARIO_KIND_COLORS[m.scenario.kind]}>{t(`scenarios.kind.${m.scenario.kind}`)}</Tag>
              <ScenarioStatusTag status={m.scenario.status} deadline={m.scenario.deadline} today={today} />
              {m.scenario.isDemo ? <Tag color="orange">{t('app.demo')}</Tag> : null}
            </>
          ),
          meta: (
            <Space size={8} wrap>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {m.scenario.ownerZoneName} · {m.scenario.categoryName} · {m.scenario.demandOrganisation}
              </Typography.Text>
              <DeadlineText deadline={m.scenario.deadline} status={m.scenario.status} today={today} />
            </Space>
          ),
        }))
      }
    />
  );
}
