import { App as AntApp, Button, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonLine, type ScenarioMatch } from '../../../../shared/domain/matching';
import { shanghaiToday } from '../../../../shared/shanghai-date';
import { useApp } from '../../app/AppContext';
import { useNavigator } from '../../app/navigation';
import { showFailure } from '../../ui/errors';
import { DeadlineText } from './DeadlineText';
import { SCENARIO_KIND_COLORS } from './labels';
import { MatchRuleHint, ScoreTag } from './MatchedResources';
import { ScenarioStatusTag } from './ScenarioStatusTag';

/** 可服务的场景清单: open listings this resource could serve, best first; a title opens the listing on the 应用场景 page. */
export function MatchedScenarios({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const navigator = useNavigator();
  const [matches, setMatches] = useState<ScenarioMatch[] | null>(null);
  const today = shanghaiToday();

  useEffect(() => {
    let current = true;
    api.call('resources.matchScenarios', { id: resourceId, limit: 30 }).then(
      (result) => current && setMatches(result),
      (error: unknown) => showFailure(error, message.error),
    );
    return () => {
      current = false;
    };
  }, [api, resourceId, message]);

  return (
    <div data-testid="matched-scenarios">
      <MatchRuleHint />
      {!matches ? (
        <Skeleton active />
      ) : (
        <List
          dataSource={matches}
          locale={{ emptyText: t('matching.noScenarios') }}
          renderItem={(m) => (
            <List.Item data-testid="scenario-match" extra={<ScoreTag score={m.score} reasons={m.reasons} />}>
              <List.Item.Meta
                title={
                  <Space size={6} wrap>
                    {navigator ? (
                      <Button type="link" style={{ padding: 0, height: 'auto', fontWeight: 600, whiteSpace: 'normal', textAlign: 'start' }} onClick={() => navigator.openScenario(m.scenario.id)}>
                        {m.scenario.title}
                      </Button>
                    ) : (
                      <Typography.Text strong>{m.scenario.title}</Typography.Text>
                    )}
                    <Tag color={SCENARIO_KIND_COLORS[m.scenario.kind]}>{t(`scenarios.kind.${m.scenario.kind}`)}</Tag>
                    <ScenarioStatusTag status={m.scenario.status} deadline={m.scenario.deadline} today={today} />
                    {m.scenario.isDemo ? <Tag color="orange">{t('app.demo')}</Tag> : null}
                  </Space>
                }
                description={
                  <>
                    <Space size={8} wrap>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {m.scenario.ownerZoneName} · {m.scenario.categoryName} · {m.scenario.demandOrganisation}
                      </Typography.Text>
                      <DeadlineText deadline={m.scenario.deadline} status={m.scenario.status} today={today} />
                    </Space>
                    <div data-testid="match-reasons" style={{ color: 'rgba(0,0,0,0.75)', marginTop: 2 }}>
                      {reasonLine(m.reasons)}
                    </div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
