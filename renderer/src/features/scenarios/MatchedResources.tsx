import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { MatchList } from './MatchList';

/** 匹配资源: registry resources that could serve this listing, best first, each with its reasons. */
export function MatchedResources({ scenarioId, onOpenResource }: { scenarioId: string; onOpenResource(id: string): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  return (
    <MatchList
      loadKey={scenarioId}
      testId="matched-resources"
      itemTestId="resource-match"
      emptyText={t('matching.noResources')}
      onOpen={onOpenResource}
      load={async () =>
        (await api.call('scenarios.matchResources', { id: scenarioId, limit: 30 })).map((m) => ({
          id: m.resource.id,
          title: m.resource.title,
          score: m.score,
          reasons: m.reasons,
          tags: (
            <>
              <Tag>{m.resource.categoryName}</Tag>
              {m.resource.isDemo ? <Tag color="orange">{t('app.demo')}</Tag> : null}
            </>
          ),
          meta: (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {m.resource.ownerZoneName} · {m.resource.organisation}
            </Typography.Text>
          ),
        }))
      }
    />
  );
}
