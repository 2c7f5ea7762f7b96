import { Badge, Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttentionGroup, AttentionKind } from '../../../../shared/domain/plan';
import { useNavigator, type Navigator } from '../../app/navigation';

/** Where an item of each group opens: the record's own page, when the app has one. */
function opener(kind: AttentionKind, navigator: Navigator | null, year: number): ((id: string) => void) | null {
  if (!navigator) return null;
  switch (kind) {
    case 'reviewQueue':
      return navigator.openResource;
    case 'pendingRequests':
      return navigator.openRequestsToMine ? () => navigator.openRequestsToMine?.() : null;
    case 'closingSoon':
      return navigator.openScenario;
    case 'eventsWithoutVenue':
      return navigator.openEvent ?? null;
    case 'overdueWork':
      return navigator.openWorkItem ? (id) => navigator.openWorkItem?.(id, year) : null;
  }
}

/** 待办提醒: five groups with their counts and first items; a click opens the record. */
export function AttentionPanel({ groups, year }: { groups: AttentionGroup[]; year: number }) {
  const { t } = useTranslation();
  const navigator = useNavigator();
  const total = groups.reduce((s, g) => s + g.count, 0);
  return (
    <Card size="small" title={t('dashboard.attention.title')} data-testid="attention">
      {total === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.attention.none')} /> : null}
      {groups
        .filter((g) => g.count > 0)
        .map((g) => {
          const open = opener(g.kind, navigator, year);
          return (
            <section key={g.kind} className="plan-attention-group" data-testid={`attention-${g.kind}`}>
              <div className="plan-attention-head">
                <Typography.Text strong>{t(`dashboard.attention.${g.kind}`)}</Typography.Text>
                <Badge count={g.count} color={g.kind === 'overdueWork' ? '#cf1322' : g.kind === 'reviewQueue' ? '#1f5fbf' : '#d48806'} showZero />
              </div>
              <ul>
                {g.items.map((item) => (
                  <li key={item.id}>
                    {open ? (
                      <button type="button" className="plan-link" onClick={() => open(item.id)} data-testid="attention-item">
                        {item.title}
                      </button>
                    ) : (
                      <span data-testid="attention-item">{item.title}</span>
                    )}
                    <Typography.Text type="secondary" className="plan-attention-detail">
                      {[item.zoneName, item.detail].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </li>
                ))}
                {g.count > g.items.length ? (
                  <li>
                    <Typography.Text type="secondary">{t('dashboard.attention.more', { count: g.count - g.items.length })}</Typography.Text>
                  </li>
                ) : null}
              </ul>
            </section>
          );
        })}
    </Card>
  );
}
