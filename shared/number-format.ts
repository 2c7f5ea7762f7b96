/**
 * Numbers as Chinese readers expect them: 12,345 stays as is, 38.2万, 3.1万亿 (亿 = 10^8,
 * 万亿 = 10^12). `unit` is appended after the magnitude: 3.1万亿元.
 */
export function chineseNumber(n: number, unit = '', digits = 1): string {
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  const fixed = (v: number) => Number(v.toFixed(digits)).toString();
  if (abs >= 1e12) return `${sign}${fixed(abs / 1e12)}万亿${unit}`;
  if (abs >= 1e8) return `${sign}${fixed(abs / 1e8)}亿${unit}`;
  if (abs >= 1e5) return `${sign}${fixed(abs / 1e4)}万${unit}`;
  return `${sign}${Number.isInteger(n) ? abs.toLocaleString('zh-CN') : fixed(abs)}${unit}`;
}

/** A value already in 亿元 (as indicators are entered): 31000 亿元 → 3.1万亿元. */
export function yiYuan(value: number): string {
  return chineseNumber(value * 1e8, '元');
}

/** Completion as a percentage, or 「—」 without a target. */
export function completion(actual: number, target: number | null): string {
  if (target === null || target === 0) return '—';
  return `${Math.round((actual / target) * 1000) / 10}%`;
}

/**
 * An indicator value in its own unit. Units that already carry a magnitude (亿元, 万元) are
 * expanded first, so 31000 亿元 reads 3.1万亿元 and 2400 亿元 stays 2400亿元.
 */
export function indicatorText(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  if (unit.startsWith('亿')) return chineseNumber(value * 1e8, unit.slice(1));
  if (unit.startsWith('万') && unit.length > 1) return chineseNumber(value * 1e4, unit.slice(1));
  return chineseNumber(value, unit);
}

/** Growth in percent with its sign: +8.8%, -2.1%, — without a base. */
export function growthText(growth: number | null | undefined): string {
  if (growth === null || growth === undefined) return '—';
  return `${growth > 0 ? '+' : ''}${growth.toFixed(1)}%`;
}
