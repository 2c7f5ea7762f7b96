import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResourceSearchResult } from '../../../../shared/domain/resource-search';
import { FacetGroup } from '../../ui/FacetGroup';

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
