import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Skeleton, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioSummary } from '../../../../shared/domain/scenario';
import { Highlight } from '../../ui/Highlight';
import { DeadlineText } from './DeadlineText';
import { budgetLabel, SCENARIO_KIND_COLORS } from './labels';
import { ScenarioStatusTag } from './ScenarioStatusTag';
import { buttonLike } from '../../ui/buttonLike';

const ROW_HEIGHT = 92;

interface Props {
  total: number;
  rowAt(index: number): ScenarioSummary | undefined;
  highlight: string[];
  today: string;
  onOpen(id: string): void;
}

/** The listings, virtualized like the registry: only the visible rows exist in the DOM. */
export function ScenarioList({ total, rowAt, highlight, today, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  if (total === 0) return <Empty description={t('scenarios.empty')} style={{ marginTop: 48 }} />;
  return (
    <div ref={parent} data-testid="scenario-list" style={{ height: 'calc(100vh - 290px)', minHeight: 320, overflow: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = rowAt(v.index);
          return (
            <div
              key={v.key}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)`, borderBottom: '1px solid #f0f0f0', padding: '10px 12px', cursor: item ? 'pointer' : 'default', display: 'flex', gap: 16 }}
              {...buttonLike(() => item && onOpen(item.id))}
              data-testid="scenario-row"
            >
              {item ? (
                <>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <div style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }}>
                      <Typography.Text strong ellipsis={{ tooltip: item.title }} style={{ minWidth: 0, flexShrink: 1 }}>
                        <Highlight text={item.title} terms={highlight} />
                      </Typography.Text>
                      <Tag color={SCENARIO_KIND_COLORS[item.kind]} style={{ flexShrink: 0 }}>
                        {t(`scenarios.kind.${item.kind}`)}
                      </Tag>
                      <ScenarioStatusTag status={item.status} deadline={item.deadline} today={today} testId="scenario-row-status" />
                      {item.isDemo ? (
                        <Tag color="orange" style={{ flexShrink: 0 }}>
                          {t('app.demo')}
                        </Tag>
                      ) : null}
                    </div>
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 13, display: 'block' }}>
                      {item.categoryName} · {item.ownerZoneName} · <Highlight text={item.demandOrganisation} terms={highlight} /> · {item.budgetMinWan === null && item.budgetMaxWan === null && item.rewardWan !== null ? '' : `${t('scenarios.budget')} `}{budgetLabel(item, i18n.language)}
                    </Typography.Text>
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: 'block' }}>
                      <Highlight text={item.snippet} terms={highlight} />
                    </Typography.Text>
                  </div>
                  <div style={{ width: 150, flexShrink: 0, display: 'flex', flexDirection: 'column', alignItems: 'flex-end', justifyContent: 'space-between' }}>
                    <DeadlineText deadline={item.deadline} status={item.status} today={today} block />
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid="scenario-row-applications">
                      {t('scenarios.applicationCount', { count: item.applicationCount })}
                    </Typography.Text>
                  </div>
                </>
              ) : (
                <Skeleton active title={false} paragraph={{ rows: 2 }} style={{ flex: 1 }} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
