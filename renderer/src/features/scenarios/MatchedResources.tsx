import { Alert, App as AntApp, Button, List, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCH_POINTS, MAX_KEYWORDS, reasonLine, type MatchReason, type ResourceMatch } from '../../../../shared/domain/matching';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';

/** How the points were earned, one reason a line with its points (the score tag's tooltip). */
export function PointsBreakdown({ reasons }: { reasons: readonly MatchReason[] }) {
  return (
    <div>
      {reasons.map((r) => (
        <div key={r.kind}>
          +{r.points} {r.text}
        </div>
      ))}
    </div>
  );
}

/** The explanation above every match list: the rule is simple enough to check by hand. */
export function MatchRuleHint() {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      message={t('matching.how')}
      description={t('matching.rule', { keyword: MATCH_POINTS.keyword, max: MAX_KEYWORDS, field: MATCH_POINTS.field, sameZone: MATCH_POINTS.sameZone, sameProvince: MATCH_POINTS.sameProvince, directKind: MATCH_POINTS.directKind })}
      style={{ marginBottom: 12 }}
    />
  );
}

/** 匹配资源: registry resources that could serve this listing, best first, each with its reasons. */
export function MatchedResources({ scenarioId, onOpenResource }: { scenarioId: string; onOpenResource(id: string): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [matches, setMatches] = useState<ResourceMatch[] | null>(null);

  useEffect(() => {
    let current = true;
    api.call('scenarios.matchResources', { id: scenarioId, limit: 30 }).then(
      (result) => current && setMatches(result),
      (error: unknown) => showFailure(error, message.error),
    );
    return () => {
      current = false;
    };
  }, [api, scenarioId, message]);

  return (
    <div data-testid="matched-resources">
      <MatchRuleHint />
      {!matches ? (
        <Skeleton active />
      ) : (
        <List
          dataSource={matches}
          locale={{ emptyText: t('matching.noResources') }}
          renderItem={(m) => (
            <List.Item data-testid="resource-match" extra={<ScoreTag score={m.score} reasons={m.reasons} />}>
              <List.Item.Meta
                title={
                  <Space size={6} wrap>
                    <Button type="link" style={{ padding: 0, height: 'auto', fontWeight: 600, whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onOpenResource(m.resource.id)}>
                      {m.resource.title}
                    </Button>
                    <Tag>{m.resource.categoryName}</Tag>
                    {m.resource.isDemo ? <Tag color="orange">{t('app.demo')}</Tag> : null}
                  </Space>
                }
                description={
                  <>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {m.resource.ownerZoneName} · {m.resource.organisation}
                    </Typography.Text>
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

export function ScoreTag({ score, reasons }: { score: number; reasons: readonly MatchReason[] }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={<PointsBreakdown reasons={reasons} />}>
      <Tag color={score >= 50 ? 'green' : score >= 30 ? 'blue' : 'default'} style={{ fontSize: 13, paddingInline: 8, marginInlineEnd: 0, whiteSpace: 'nowrap' }} data-testid="match-score">
        {t('matching.score', { score })}
      </Tag>
    </Tooltip>
  );
}
