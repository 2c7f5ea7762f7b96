import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Segmented, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExcelMenu } from '../excel/ExcelMenu';
import { DEADLINE_WINDOWS, SCENARIO_SORTS, type ScenarioSearchInput, type ScenarioSearchResult, type ScenarioSummary } from '../../../../shared/domain/scenario';
import { shanghaiToday } from '../../../../shared/shanghai-date';
import { useApp } from '../../app/AppContext';
import { FacetGroup } from '../../ui/FacetGroup';
import { useDebounced } from '../../ui/useDebounced';
import { usePagedSearch } from '../../ui/usePagedSearch';
import { ScenarioDrawer } from './ScenarioDrawer';
import { ScenarioFormModal } from './ScenarioFormModal';
import { ScenarioList } from './ScenarioList';
import { useScenarioLookups } from './useScenarioLookups';

type Facet = keyof ScenarioSearchResult['facets'];
type Window = (typeof DEADLINE_WINDOWS)[number];
type Sort = (typeof SCENARIO_SORTS)[number];

const FACETS: Record<Facet, 'categoryIds' | 'kinds' | 'zoneIds' | 'statuses'> = { category: 'categoryIds', kind: 'kinds', zone: 'zoneIds', status: 'statuses' };
const NO_FACETS: Record<Facet, string[]> = { category: [], kind: [], zone: [], status: [] };

/** 应用场景: listings searched like the registry (Chinese, pinyin), facets with counts, deadline windows, a virtual list. */
export function ScenariosPage({ openId, onOpenChange }: { openId: string | null; onOpenChange(id: string | null): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const lookups = useScenarioLookups(api);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>('deadline');
  const [deadlineWindow, setDeadlineWindow] = useState<Window>('any');
  const [selected, setSelected] = useState(NO_FACETS);
  const [creating, setCreating] = useState(false);
  const debouncedQuery = useDebounced(query, 120);

  const key = JSON.stringify({
    query: debouncedQuery,
    sort,
    deadline: deadlineWindow,
    ...Object.fromEntries((Object.keys(FACETS) as Facet[]).map((f) => [FACETS[f], selected[f]])),
  });
  const run = useCallback((offset: number, limit: number) => api.call('scenarios.search', { ...(JSON.parse(key) as ScenarioSearchInput & object), offset, limit }), [api, key]);
  const search = usePagedSearch<ScenarioSummary, ScenarioSearchResult>(run);
  const total = search.meta?.total ?? 0;

  const labelOf = (facet: Facet, value: string): string => {
    if (facet === 'zone') return lookups.zoneName(value);
    if (facet === 'category') return lookups.categoryName(value);
    if (facet === 'kind') return t(`scenarios.kind.${value}`, { defaultValue: value });
    return t(`scenarios.status.${value}`, { defaultValue: value });
  };
  const anySelected = Object.values(selected).some((v) => v.length > 0);

  return (
    <div style={{ display: 'grid', gridTemplateColumns: '240px minmax(0, 1fr)', gap: 16, alignItems: 'start' }}>
      <Card size="small" style={{ maxHeight: 'calc(100vh - 112px)', overflow: 'auto' }} data-testid="scenario-facets">
        {anySelected ? (
          <Button size="small" type="link" onClick={() => setSelected(NO_FACETS)} style={{ paddingInline: 0 }}>
            {t('scenarios.facet.clear')}
          </Button>
        ) : null}
        {(Object.keys(FACETS) as Facet[]).map((facet) => (
          <FacetGroup
            key={facet}
            title={t(`scenarios.facet.${facet}`)}
            counts={search.meta?.facets[facet] ?? {}}
            selected={selected[facet]}
            onChange={(values) => setSelected((s) => ({ ...s, [facet]: values }))}
            labelOf={(value) => labelOf(facet, value)}
          />
        ))}
      </Card>
      <Card
        size="small"
        title={t('scenarios.title')}
        extra={
          <Space>
            <ExcelMenu list={{ recordType: 'scenario', filter: JSON.parse(key) as ScenarioSearchInput & object }} onImported={search.reload} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('scenarios.add')}
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 8, width: '100%' }}>
          <Input.Search allowClear autoFocus aria-label={t('common.search')} placeholder={t('scenarios.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 440 }} />
          <Select aria-label={t('scenarios.sortLabel')} value={sort} onChange={setSort} style={{ width: 150 }} options={SCENARIO_SORTS.map((s) => ({ value: s, label: `${t('scenarios.sortBy')}${t(`scenarios.sort.${s}`)}` }))} />
        </Space>
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Segmented<Window> aria-label={t('scenarios.windowLabel')} value={deadlineWindow} onChange={setDeadlineWindow} options={DEADLINE_WINDOWS.map((w) => ({ value: w, label: t(`scenarios.window.${w}`) }))} />
          <Typography.Text type="secondary" data-testid="scenario-count">
            {t('scenarios.count', { count: total })} · {t('resources.took', { ms: (search.meta?.tookMs ?? 0).toFixed(1) })}
          </Typography.Text>
        </Space>
        {search.error ? <Alert type="error" showIcon message={search.error instanceof Error ? search.error.message : String(search.error)} style={{ marginBottom: 12 }} /> : null}
        <ScenarioList total={total} rowAt={search.rowAt} highlight={search.meta?.highlight ?? []} today={search.meta?.today ?? shanghaiToday()} onOpen={onOpenChange} />
      </Card>
      {creating ? (
        <ScenarioFormModal
          scenario={null}
          lookups={lookups}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            search.reload();
            onOpenChange(saved.id);
          }}
        />
      ) : null}
      {openId ? <ScenarioDrawer key={openId} id={openId} lookups={lookups} onClose={() => onOpenChange(null)} onChanged={search.reload} /> : null}
    </div>
  );
}
