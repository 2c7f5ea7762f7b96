import { formatGrowth } from '../plan/format';

/** Year-on-year growth: green up, red down, grey without a base. */
export function Growth({ value }: { value: number | null | undefined }) {
  const tone = value === null || value === undefined || value === 0 ? 'plan-growth' : value > 0 ? 'plan-growth plan-growth-up' : 'plan-growth plan-growth-down';
  return <span className={tone} data-testid="growth">{formatGrowth(value)}</span>;
}
