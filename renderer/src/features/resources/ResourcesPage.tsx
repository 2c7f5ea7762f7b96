import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOURCE_SORTS, type ResourceSort } from '../../../../shared/domain/resource-search';
import { useApp } from '../../app/AppContext';
import { ExcelMenu } from '../excel/ExcelMenu';
import { pickedToIso } from '../requests/time';
import { useDebounced } from '../../ui/useDebounced';
import { FACET_FILTERS, FacetPanel, type FacetKey } from './FacetPanel';
import { extraValue, INSTRUMENT_STATE_DEF } from './labels';
import { ResourceDrawer } from './ResourceDrawer';
import { ResourceFormModal } from './ResourceFormModal';
import { ResourceList } from './ResourceList';
import { useLookups } from './useLookups';
import { useResourceSearch } from './useResourceSearch';

const NO_FACETS: Record<FacetKey, string[]> = { category: [], zone: [], province: [], sharingMode: [], status: [], instrumentState: [] };

/** 科技资源: one search box (Chinese substrings, pinyin, English), facets with counts, a virtual list. */
export function ResourcesPage({ openId, onOpenChange }: { openId: string | null; onOpenChange(id: string | null): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const lookups = useLookups(api);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ResourceSort>('updated');
  const [selected, setSelected] = useState(NO_FACETS);
  // Availability-first search: only instruments free for the whole of this window.
  const [freeDuring, setFreeDuring] = useState<[Dayjs, Dayjs] | null>(null);
  const [creating, setCreating] = useState(false);
  const debouncedQuery = useDebounced(query, 120);

  const filters = useMemo(
    () => ({
      query: debouncedQuery,
      sort,
      ...Object.fromEntries((Object.keys(FACET_FILTERS) as FacetKey[]).map((f) => [FACET_FILTERS[f], selected[f]])),
      ...(freeDuring ? { freeFrom: pickedToIso(freeDuring[0]), freeTo: pickedToIso(freeDuring[1]) } : {}),
    }),
    [debouncedQuery, sort, selected, freeDuring],
  );
  const search = useResourceSearch(api, filters);

  const labelOf = (facet: FacetKey, value: string): string => {
    if (facet === 'zone') return lookups.zoneName(value);
    if (facet === 'category') return lookups.categoryName(value);
    if (facet === 'sharingMode') return t(`resources.sharing.${value}`);
    if (facet === 'status') return t(`resources.status.${value}`);
    if (facet === 'instrumentState') return extraValue(INSTRUMENT_STATE_DEF, value, i18n.language);
    return value;
  };

  return (
    <div style={{ display: 'grid', gridTemplateColumns: '240px 1fr', gap: 16, alignItems: 'start' }}>
      <Card size="small" style={{ maxHeight: 'calc(100vh - 112px)', overflow: 'auto' }}>
        <FacetPanel facets={search.facets} selected={selected} onChange={(f, v) => setSelected((s) => ({ ...s, [f]: v }))} onClear={() => setSelected(NO_FACETS)} labelOf={labelOf} />
      </Card>
      <Card
        size="small"
        title={t('resources.title')}
        extra={
          <Space>
            <ExcelMenu list={{ recordType: 'resource', filter: filters }} onImported={search.reload} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('resources.add')}
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12, width: '100%' }}>
          <Input.Search allowClear autoFocus aria-label={t('common.search')} placeholder={t('resources.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 520 }} />
          <Select aria-label={t('resources.sort.updated')} value={sort} onChange={setSort} style={{ width: 160 }} options={RESOURCE_SORTS.map((s) => ({ value: s, label: t(`resources.sort.${s}`) }))} />
          <DatePicker.RangePicker
            aria-label={t('resources.freeDuring')}
            showTime={{ format: 'HH:mm', minuteStep: 30 }}
            format="YYYY-MM-DD HH:mm"
            placeholder={[t('resources.freeFrom'), t('resources.freeTo')]}
            value={freeDuring}
            onChange={(range) => setFreeDuring(range?.[0] && range[1] ? [range[0], range[1]] : null)}
          />
          <Typography.Text type="secondary" data-testid="result-count">
            {t('resources.count', { count: search.total })} · {t('resources.took', { ms: search.tookMs.toFixed(1) })}
          </Typography.Text>
        </Space>
        {freeDuring ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('resources.freeHint')} data-testid="free-hint" /> : null}
        {search.error ? <Alert type="error" showIcon message={search.error instanceof Error ? search.error.message : String(search.error)} /> : null}
        <ResourceList total={search.total} rowAt={search.rowAt} highlight={search.highlight} onOpen={onOpenChange} />
      </Card>
      {creating ? (
        <ResourceFormModal
          resource={null}
          lookups={lookups}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            search.reload();
            onOpenChange(saved.id);
          }}
        />
      ) : null}
      {openId ? <ResourceDrawer id={openId} lookups={lookups} onClose={() => onOpenChange(null)} onChanged={search.reload} /> : null}
    </div>
  );
}
