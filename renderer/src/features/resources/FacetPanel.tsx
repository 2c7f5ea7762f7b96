import { Button, Checkbox, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FacetCounts, ResourceSearchResult } from '../../../../shared/domain/resource-search';

export type FacetKey = keyof ResourceSearchResult['facets'];

export const FACET_FILTERS: Record<FacetKey, 'zoneIds' | 'provinces' | 'categoryIds' | 'sharingModes' | 'statuses' | 'instrumentStates'> = {
  category: 'categoryIds',
  zone: 'zoneIds',
  province: 'provinces',
  sharingMode: 'sharingModes',
  status: 'statuses',
  instrumentState: 'instrumentStates',
};

interface Props {
  facets: ResourceSearchResult['facets'] | null;
  selected: Record<FacetKey, string[]>;
  onChange(facet: FacetKey, values: string[]): void;
  onClear(): void;
  labelOf(facet: FacetKey, value: string): string;
}

/** Facets with counts (each counted with the other facets' filters applied, as in any catalogue). */
export function FacetPanel({ facets, selected, onChange, onClear, labelOf }: Props) {
  const { t } = useTranslation();
  const anySelected = Object.values(selected).some((v) => v.length > 0);
  return (
    <div data-testid="facets">
      {anySelected ? (
        <Button size="small" type="link" onClick={onClear} style={{ paddingInline: 0 }}>
          {t('resources.facet.clear')}
        </Button>
      ) : null}
      {(Object.keys(FACET_FILTERS) as FacetKey[]).map((facet) => (
        <FacetGroup
          key={facet}
          title={t(`resources.facet.${facet}`)}
          counts={facets?.[facet] ?? {}}
          selected={selected[facet]}
          onChange={(values) => onChange(facet, values)}
          labelOf={(value) => labelOf(facet, value)}
        />
      ))}
    </div>
  );
}

function FacetGroup({ title, counts, selected, onChange, labelOf }: { title: string; counts: FacetCounts; selected: string[]; onChange(values: string[]): void; labelOf(value: string): string }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  for (const value of selected) if (!(value in counts)) entries.push([value, 0]);
  if (entries.length === 0) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Checkbox.Group value={selected} onChange={(values) => onChange(values as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 2, marginTop: 6 }}>
        {entries.slice(0, 30).map(([value, count]) => (
          <Checkbox key={value} value={value} aria-label={`${title} ${labelOf(value)}`}>
            <span>{labelOf(value)}</span> <Typography.Text type="secondary">({count})</Typography.Text>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  );
}
