import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiToday } from '../../../../shared/shanghai-date';

/** The current year in Beijing time: the plan year a page opens on. */
export function currentYear(): number {
  return Number(shanghaiToday().slice(0, 4));
}

/** 年度: a short list from `from` to next year, newest first (plans are made a year ahead). */
export function YearPicker({ value, onChange, from = 2020 }: { value: number; onChange(year: number): void; from?: number }) {
  const { t } = useTranslation();
  const last = Math.max(currentYear() + 1, value);
  const years = Array.from({ length: last - Math.min(from, value) + 1 }, (_, i) => last - i);
  return (
    <Select<number>
      aria-label={t('plan.year')}
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      options={years.map((y) => ({ value: y, label: t('plan.yearOption', { year: y }) }))}
    />
  );
}
