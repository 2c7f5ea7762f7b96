import { Alert, App as AntApp, Button, List, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCH_POINTS, MAX_KEYWORDS, reasonLine, type MatchReason } from '../../../../shared/domain/matching';
import { showFailure } from '../../ui/errors';

/** One match as the list shows it, whichever way the matching ran (listing → resources, resource → listings). */
export interface MatchRow {
  id: string;
  title: string;
  score: number;
  reasons: readonly MatchReason[];
  /** Tags after the title (kind, status, 示例). */
  tags: ReactNode;
  /** The grey line under the title (zone · organisation …). */
  meta: ReactNode;
}

/**
 * A ranked match list with the rule explained above it and each match's reasons under its
 * title; the score's tooltip shows the points per reason. `load` runs once per `loadKey`.
 */
export function MatchList({ loadKey, load, testId, itemTestId, emptyText, onOpen }: {
  loadKey: string;
  load(): Promise<MatchRow[]>;
  testId: string;
  itemTestId: string;
  emptyText: string;
  onOpen?: ((id: string) => void) | undefined;
}) {
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<MatchRow[] | null>(null);

  useEffect(() => {
    let current = true;
    setRows(null);
    load().then(
      (result) => current && setRows(result),
      (error: unknown) => showFailure(error, message.error),
    );
    return () => {
      current = false;
    };
    // `load` is re-created by each render of the caller; what to load is named by loadKey.
  }, [loadKey, message]);

  return (
    <div data-testid={testId}>
      <MatchRuleHint />
      {!rows ? (
        <Skeleton active />
      ) : (
        <List
          dataSource={rows}
          locale={{ emptyText }}
          renderItem={(m) => (
            <List.Item data-testid={itemTestId} extra={<ScoreTag score={m.score} reasons={m.reasons} />}>
              <List.Item.Meta
                title={
                  <Space size={6} wrap>
                    {onOpen ? (
                      <Button type="link" style={{ padding: 0, height: 'auto', fontWeight: 600, whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onOpen(m.id)}>
                        {m.title}
                      </Button>
                    ) : (
                      <Typography.Text strong>{m.title}</Typography.Text>
                    )}
                    {m.tags}
                  </Space>
                }
                description={
                  <>
                    {m.meta}
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

/** How the points were earned, one reason a line with its points (the score tag's tooltip). */
function PointsBreakdown({ reasons }: { reasons: readonly MatchReason[] }) {
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
function MatchRuleHint() {
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

function ScoreTag({ score, reasons }: { score: number; reasons: readonly MatchReason[] }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={<PointsBreakdown reasons={reasons} />}>
      <Tag color={score >= 50 ? 'green' : score >= 30 ? 'blue' : 'default'} style={{ fontSize: 13, paddingInline: 8, marginInlineEnd: 0, whiteSpace: 'nowrap' }} data-testid="match-score">
        {t('matching.score', { score })}
      </Tag>
    </Tooltip>
  );
}
