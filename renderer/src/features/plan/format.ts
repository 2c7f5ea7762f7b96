import { chineseNumber, growthText, indicatorText } from '../../../../shared/number-format';

/**
 * Numbers as the reader expects them: Chinese magnitudes (38.2万, 3.1万亿) in Chinese, digit
 * groups in English. `unit` follows the number (项, 场, 亿元 …).
 */
export function formatNumber(value: number, language: string, unit = ''): string {
  if (language === 'en') return `${value.toLocaleString('en', { maximumFractionDigits: 1 })}${unit ? ` ${unit}` : ''}`;
  return chineseNumber(value, unit);
}

/**
 * An indicator value in its own unit. Units that already carry a magnitude (亿元, 万元, 万人)
 * are expanded first, so 31000 亿元 reads 3.1万亿元 and 2400 亿元 stays 2400亿元.
 */
export function formatIndicator(value: number | null | undefined, unit: string, language: string): string {
  if (value === null || value === undefined) return '—';
  return language === 'en' ? formatNumber(value, language, unit) : indicatorText(value, unit);
}

export const formatGrowth = growthText;

/** Completion 0–100 for a progress bar (capped), or null without a target. */
export function completionPercent(actual: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.round((actual / target) * 1000) / 10;
}

/** A value as entered, digits grouped (the unit stands in the column title): 2,456.3. */
export function plainValue(value: number | null | undefined, language: string): string {
  return value === null || value === undefined ? '—' : value.toLocaleString(language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
}
