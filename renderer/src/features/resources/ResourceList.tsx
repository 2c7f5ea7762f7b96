import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceSummary } from '../../../../shared/domain/resource-search';
import { Highlight } from '../../ui/Highlight';
import { instrumentStateLabel, STATUS_COLORS } from './labels';
import { buttonLike } from '../../ui/buttonLike';

const ROW_HEIGHT = 88;

interface Props {
  total: number;
  rowAt(index: number): ResourceSummary | undefined;
  highlight: string[];
  onOpen(id: string): void;
}

/** The result list, virtualized: 100,000 rows scroll like 100 (only the visible rows exist in the DOM). */
export function ResourceList({ total, rowAt, highlight, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  if (total === 0) return <Empty description={t('resources.empty')} style={{ marginTop: 48 }} />;
  return (
    <div ref={parent} data-testid="resource-list" style={{ height: 'calc(100vh - 250px)', minHeight: 320, overflow: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = rowAt(v.index);
          return (
            <div
              key={v.key}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)`, borderBottom: '1px solid #f0f0f0', padding: '10px 12px', cursor: item ? 'pointer' : 'default' }}
              {...buttonLike(() => item && onOpen(item.id))}
              data-testid="resource-row"
            >
              {item ? (
                <>
                  <Space size={6} wrap>
                    <Typography.Text strong>
                      <Highlight text={item.title} terms={highlight} />
                    </Typography.Text>
                    <Tag>{item.categoryName}</Tag>
                    <Tag color={STATUS_COLORS[item.status]}>{t(`resources.status.${item.status}`)}</Tag>
                    {item.instrumentState ? <Tag color={item.instrumentState === 'idle' ? 'green' : 'orange'}>{instrumentStateLabel(item.instrumentState, t, i18n.language)}</Tag> : null}
                    {item.isDemo ? <Tag color="orange">{t('app.demo')}</Tag> : null}
                  </Space>
                  <div style={{ fontSize: 13 }}>
                    <Typography.Text type="secondary">
                      {item.ownerZoneName} · <Highlight text={item.organisation} terms={highlight} /> · {t(`resources.sharing.${item.sharingMode}`)}
                    </Typography.Text>
                  </div>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: 'block' }}>
                    <Highlight text={item.snippet} terms={highlight} />
                  </Typography.Text>
                </>
              ) : (
                <Skeleton active title={false} paragraph={{ rows: 2 }} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
