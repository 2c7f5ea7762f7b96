import { EditOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExcelMenu } from '../excel/ExcelMenu';
import type { IndicatorDef, IndicatorTable, ZoneIndicatorRow } from '../../../../shared/domain/indicators';
import { useApp, useInstallation } from '../../app/AppContext';
import { ChartCard, EChart } from '../../ui/EChart';
import type { echarts } from '../../ui/echarts';
import { rankingBars } from '../plan/chart-options';
import { formatIndicator, plainValue } from '../plan/format';
import { currentYear, YearPicker } from '../plan/YearPicker';
import { Growth } from './Growth';
import { IndicatorDefsModal } from './IndicatorDefsModal';
import { IndicatorEntryModal } from './IndicatorEntryModal';
import '../plan/plan.css';

/**
 * 高新区发展指标: every zone's values for a year with year-on-year growth and rank, the regional
 * totals and their growth, a ranking chart per indicator, the entry form (members: their own
 * zone) and, for the secretariat, the indicator list.
 */
export function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const isSecretariat = installation.role === 'secretariat';
  const language = i18n.language;
  const [year, setYear] = useState<number | null>(null);
  const [table, setTable] = useState<IndicatorTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [entering, setEntering] = useState<string | null>(null);
  const [editingDefs, setEditingDefs] = useState(false);
  const [rankBy, setRankBy] = useState<string | null>(null);
  const rankChart = useRef<echarts.ECharts | null>(null);

  // Opens on the latest year with figures (indicators are reported after the year ends).
  useEffect(() => {
    let live = true;
    void (async () => {
      const now = currentYear();
      for (const y of [now - 1, now - 2, now - 3, now]) {
        const found = await api.call('indicators.table', { year: y }).catch(() => null);
        if (!live) return;
        if (found && found.totals.some((x) => x.reporting > 0)) return setYear(y);
      }
      if (live) setYear(now - 1);
    })();
    return () => {
      live = false;
    };
  }, [api]);

  const load = useCallback(async () => {
    if (year === null) return;
    try {
      setError(null);
      setTable(await api.call('indicators.table', { year }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api, year]);
  useEffect(() => {
    setTable(null);
    void load();
  }, [load]);

  const indicators = table?.indicators ?? [];
  const ranked = indicators.find((i) => i.id === rankBy) ?? indicators[0];
  const rankRows = useMemo(
    () =>
      ranked && table
        ? table.zones
            .filter((z) => z.values[ranked.id] !== null && z.values[ranked.id] !== undefined)
            .map((z) => ({ label: z.zoneName, value: z.values[ranked.id] as number }))
            .sort((a, b) => b.value - a.value)
        : [],
    [ranked, table],
  );
  const rankOption = useMemo(() => rankingBars(rankRows, ranked?.name ?? '', (v) => formatIndicator(v, ranked?.unit ?? '', language)), [rankRows, ranked, language]);
  const reported = (table?.zones ?? []).filter((z) => Object.values(z.values).some((v) => v !== null));
  const [showAll, setShowAll] = useState(false);
  const rows = showAll ? (table?.zones ?? []) : reported;

  const columns: ColumnsType<ZoneIndicatorRow> = [
    {
      title: t('indicators.zone'),
      key: 'zone',
      fixed: 'left',
      width: 150,
      render: (_, z) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{z.zoneName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {z.province}
          </Typography.Text>
        </Space>
      ),
    },
    ...indicators.map((i: IndicatorDef) => ({
      title: (
        <span>
          {i.name}
          {i.unit ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {' '}
              （{i.unit}）
            </Typography.Text>
          ) : null}
        </span>
      ),
      key: i.id,
      width: 170,
      align: 'right' as const,
      sorter: (a: ZoneIndicatorRow, b: ZoneIndicatorRow) => (a.values[i.id] ?? -1) - (b.values[i.id] ?? -1),
      render: (_: unknown, z: ZoneIndicatorRow) => (
        <div className="ind-cell" data-testid={`cell-${i.code}`}>
          <Tooltip title={t('indicators.previous', { year: (year ?? 0) - 1, value: plainValue(z.previous[i.id], language) })}>
            <span className="ind-value">{plainValue(z.values[i.id], language)}</span>
          </Tooltip>
          <span className="ind-meta">
            <Growth value={z.growth[i.id]} />
            {z.rank[i.id] ? <span className="ind-rank">{t('indicators.rank', { rank: z.rank[i.id] })}</span> : null}
          </span>
        </div>
      ),
    })),
  ];

  return (
    <div className="plan-page" data-testid="indicators-page">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('indicators.title')}
            </Typography.Title>
            {year !== null ? <YearPicker value={year} onChange={setYear} from={2015} /> : null}
            {table?.hasDemo ? (
              <Tooltip title={t('indicators.demoHint')}>
                <Tag color="orange" data-testid="indicators-demo">
                  {t('app.demo')}
                </Tag>
              </Tooltip>
            ) : null}
            {table ? <Typography.Text type="secondary">{t('indicators.reporting', { count: reported.length, total: table.zones.length })}</Typography.Text> : null}
          </Space>
          <Space wrap>
            {year !== null ? <ExcelMenu list={{ recordType: 'indicator', scope: { year } }} onImported={() => void load()} /> : null}
            {isSecretariat ? (
              <Button icon={<SettingOutlined />} onClick={() => setEditingDefs(true)}>
                {t('indicators.defs.title')}
              </Button>
            ) : null}
            <Button type="primary" icon={<EditOutlined />} disabled={!table} onClick={() => setEntering(installation.zoneId)}>
              {t('indicators.enter')}
            </Button>
          </Space>
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {!table ? (
        error ? null : <Skeleton active />
      ) : (
        <>
          <Card
            size="small"
            title={
              <span>
                {t('indicators.tableTitle', { year: table.year })}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                  {t('indicators.valueGrowthRank')}
                </Typography.Text>
              </span>
            }
            extra={
              <Button size="small" type="link" onClick={() => setShowAll((v) => !v)}>
                {showAll ? t('indicators.onlyReported') : t('indicators.showAll')}
              </Button>
            }
          >
            <Table<ZoneIndicatorRow>
              rowKey="zoneId"
              size="small"
              bordered
              pagination={false}
              dataSource={rows}
              columns={columns}
              scroll={{ x: 150 + indicators.length * 170, y: 520 }}
              locale={{ emptyText: t('indicators.empty', { year: table.year }) }}
              onRow={(z) => ({ onDoubleClick: () => (isSecretariat || z.zoneId === installation.zoneId ? setEntering(z.zoneId) : undefined) })}
              summary={() => (
                <Table.Summary fixed="bottom">
                  <Table.Summary.Row className="ind-totals" data-testid="indicator-totals">
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t('indicators.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    {indicators.map((i, k) => {
                      const total = table.totals.find((x) => x.indicatorId === i.id);
                      return (
                        <Table.Summary.Cell key={i.id} index={k + 1} align="right">
                          <div className="ind-cell" data-testid={`total-${i.code}`}>
                            <Tooltip title={total ? t('indicators.totalHint', { value: plainValue(total.total, language), unit: i.unit, previous: plainValue(total.previousTotal, language), count: total.reporting }) : ''}>
                              <span className="ind-value ind-total">{total && total.reporting > 0 ? formatIndicator(total.total, i.unit, language) : '—'}</span>
                            </Tooltip>
                            <span className="ind-meta">
                              <Growth value={total?.growth} />
                            </span>
                          </div>
                        </Table.Summary.Cell>
                      );
                    })}
                  </Table.Summary.Row>
                </Table.Summary>
              )}
            />
          </Card>
          <div style={{ marginTop: 16 }}>
            <ChartCard
              title={t('indicators.ranking')}
              chartRef={rankChart}
              empty={rankRows.length === 0}
              fileName={t('indicators.rankingFile', { year: table.year, name: ranked?.name ?? '' })}
              testId="indicator-ranking"
              extra={
                <Select<string>
                  size="small"
                  aria-label={t('indicators.rankBy')}
                  value={ranked?.id ?? ''}
                  onChange={setRankBy}
                  style={{ width: 170 }}
                  options={indicators.map((i) => ({ value: i.id, label: i.name }))}
                />
              }
            >
              <EChart option={rankOption} height={Math.max(200, rankRows.length * 28 + 40)} chartRef={rankChart} />
            </ChartCard>
          </div>
        </>
      )}
      {entering && table ? (
        <IndicatorEntryModal
          year={table.year}
          table={table}
          zoneId={entering}
          onClose={() => setEntering(null)}
          onSaved={(next) => {
            setEntering(null);
            setTable(next);
          }}
        />
      ) : null}
      {editingDefs ? (
        <IndicatorDefsModal
          onClose={() => {
            setEditingDefs(false);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
