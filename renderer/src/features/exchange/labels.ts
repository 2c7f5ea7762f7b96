import type { TFunction } from 'i18next';
import type { ExchangeKindSummary, ExchangeRefusal } from '../../../../shared/domain/exchange';

/** Names and readings for what the exchange channels answer. */

/** 科技资源 / S&T resources: the core's noun, translated when the kind is known. */
export function kindName(t: TFunction, kind: string, noun?: string): string {
  return t(`exchange.kinds.${kind}`, { defaultValue: noun ?? kind });
}

/** The counts of a received package as one line: 新增 1，更新 2，拒绝 1. Zeros are left out. */
export function countsLine(t: TFunction, kinds: readonly ExchangeKindSummary[]): string {
  const total = (key: 'added' | 'updated' | 'unchanged' | 'refused' | 'conflicts' | 'pending') => kinds.reduce((n, k) => n + k[key], 0);
  const parts = (['added', 'updated', 'refused', 'conflicts', 'pending'] as const).filter((key) => total(key) > 0).map((key) => `${t(`exchange.count.${key}`)} ${total(key)}`);
  return parts.length > 0 ? parts.join(t('exchange.listSeparator')) : t('exchange.nothingChanged');
}

/**
 * A history entry's summary, as the core stores it: for a package sent, the count per kind
 * ({"resource":2}); for one received, what the import did ({kinds, refusals}).
 */
export type HistorySummary = { sent: Record<string, number> } | { received: { kinds: ExchangeKindSummary[]; refusals: ExchangeRefusal[] } } | { text: string };

export function readSummary(direction: 'sent' | 'received', summary: string): HistorySummary {
  try {
    const value = JSON.parse(summary) as unknown;
    if (direction === 'received' && isObject(value) && Array.isArray(value.kinds)) {
      return { received: { kinds: value.kinds as ExchangeKindSummary[], refusals: Array.isArray(value.refusals) ? (value.refusals as ExchangeRefusal[]) : [] } };
    }
    if (direction === 'sent' && isObject(value) && Object.values(value).every((n) => typeof n === 'number')) return { sent: value as Record<string, number> };
  } catch {
    // not JSON: shown as written
  }
  return { text: summary };
}

export function summaryText(t: TFunction, direction: 'sent' | 'received', summary: string): string {
  const read = readSummary(direction, summary);
  if ('sent' in read) {
    const parts = Object.entries(read.sent).map(([kind, n]) => t('exchange.history.kindCount', { kind: kindName(t, kind), count: n }));
    return parts.length > 0 ? parts.join(t('exchange.listSeparator')) : '—';
  }
  if ('received' in read) {
    const changed = read.received.kinds.filter((k) => k.added + k.updated + k.refused + k.conflicts + k.pending > 0);
    const line = changed.length > 0 ? changed.map((k) => `${kindName(t, k.kind, k.noun)}${t('exchange.history.colon')}${countsLine(t, [k])}`).join(t('exchange.history.separator')) : t('exchange.nothingChanged');
    return read.received.refusals.length > 0 ? `${line}（${t('exchange.history.refusals', { count: read.received.refusals.length })}）` : line;
  }
  return read.text || '—';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ── Conflicts: which fields differ, and how to name them ──────────────────────────────────


/** The column that names a record (for the heading of each version). */
export function nameColumn(row: Record<string, unknown>): string | null {
  return ['short_name', 'title', 'name'].find((c) => c in row) ?? null;
}

/** The columns a version shows: its name first, then what differs. */
export function shownFields(current: Record<string, unknown>, other: Record<string, unknown>, changed: readonly string[]): string[] {
  const name = nameColumn(other) ?? nameColumn(current);
  return name ? [name, ...changed.filter((c) => c !== name)] : [...changed];
}

/** The i18n section whose `field.*` and `status.*` name a kind's columns and states. */
const SECTIONS: Readonly<Record<string, string>> = { zone: 'zones', resource: 'resources', sharing_request: 'requests', scenario: 'scenarios', application: 'applications', event: 'events' };

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A column's label: the module's own field label when there is one, else the exchange's, else the column. */
export function fieldLabel(t: TFunction, exists: (key: string) => boolean, kind: string, column: string): string {
  const key = camel(column);
  const section = SECTIONS[kind];
  for (const candidate of [section ? `${section}.field.${key}` : null, `exchange.field.${key}`, `resources.field.${key}`]) if (candidate && exists(candidate)) return t(candidate);
  return column;
}

/** A column's value as a clerk reads it. */
export function fieldValue(t: TFunction, exists: (key: string) => boolean, kind: string, column: string, value: unknown, names: { zone(id: string): string; category(id: string): string }): string {
  if (value === null || value === undefined || value === '') return '—';
  const section = SECTIONS[kind];
  if (column === 'status' && typeof value === 'string' && section && exists(`${section}.status.${value}`)) return t(`${section}.status.${value}`);
  if (column === 'sharing_mode' && typeof value === 'string') return t(`resources.sharing.${value}`, { defaultValue: value });
  if (column === 'owner_zone_id' && typeof value === 'string') return names.zone(value);
  if (column === 'category_id' && kind === 'resource' && typeof value === 'string') return names.category(value);
  if (column === 'deleted_at') return t('exchange.conflicts.deleted');
  if (column === 'tags' && typeof value === 'string') {
    try {
      const tags = JSON.parse(value) as unknown;
      if (Array.isArray(tags)) return tags.length > 0 ? tags.join('、') : '—';
    } catch {
      // shown as stored
    }
  }
  if (column === 'active') return value === 1 || value === true ? t('common.yes') : t('common.no');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
