import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { ColumnOption, SheetColumn } from '../../../shared/domain/spreadsheet';
import { selectLiveZones } from '../zones/zone-queries';
import type { CellValue, ImportRow, SheetContext } from './sheet-spec';

/** Columns and cell helpers every record type's sheet shares (编号, 版本, zones, choices). */

/** 编号: the stable id an exported file carries, so that re-importing it updates, never duplicates. */
export function idColumn(noun: string): SheetColumn {
  return {
    key: 'id',
    header: '编号',
    kind: 'id',
    required: false,
    help: `系统生成的${noun}编号。新增时留空；从本系统导出的文件保留此列，改好后再导入即更新原记录（不会重复）`,
    aliases: ['id', `${noun}编号`],
    width: 28,
  };
}

/** 版本: the version at export time, so that an import never overwrites someone else's later change. */
export function versionColumn(noun: string): SheetColumn {
  return {
    key: 'version',
    header: '版本',
    kind: 'version',
    required: false,
    help: `导出时记录的版本号：导入时若该${noun}已被他人改过，会提示冲突而不覆盖。新增时留空`,
    width: 6,
  };
}

/** A column exports write for reading (状态, 更新时间…); imports skip it. */
export function readOnlyColumn(key: string, header: string, kind: SheetColumn['kind'], width: number): SheetColumn {
  return { key, header, kind, required: false, help: `${header}（只读，导入时忽略）`, readOnly: true, width };
}

export const optionsOf = (labels: Readonly<Record<string, string>>): ColumnOption[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * Zones by short name, understood by full name, code, and the place alone (长春 for 长春高新区)
 * as people write it; inactive ones still read but not offered.
 */
export function zoneOptions(db: Database.Database): ColumnOption[] {
  return selectLiveZones(db).map((z) => {
    const place = z.short_name.replace(/高新区$/, '');
    return { value: z.id, label: z.short_name, aliases: [z.name, z.code, ...(place && place !== z.short_name ? [place] : [])], hidden: z.active !== 1 };
  });
}

/** A configurable list (categories, types) as choices: by name, or by code. */
export function categoryOptions(list: ReadonlyArray<{ id: string; name: string; code: string; active: boolean }>): ColumnOption[] {
  return list.map((c) => ({ value: c.id, label: c.name, aliases: [c.code], hidden: !c.active }));
}

/** The row's text in a column, trimmed ('' when empty or not text). */
export function textOf(row: ImportRow, key: string): string {
  const value = row.values.get(key);
  return typeof value === 'string' ? value.trim() : '';
}

/** The row's 编号, when it has one. */
export function idOf(row: ImportRow): string | null {
  const id = row.values.get('id');
  return typeof id === 'string' && id ? id : null;
}

/**
 * What an empty cell means in an update: text and dates are cleared (''), numbers are cleared
 * (null), lists emptied; a choice or a date-time left empty keeps what is there (the required
 * ones were flagged when the cells were read).
 */
export function emptyCellPatch(kind: SheetColumn['kind']): CellValue | undefined {
  switch (kind) {
    case 'text':
    case 'textarea':
    case 'date':
      return '';
    case 'number':
    case 'integer':
      return null;
    case 'list':
      return [];
    default:
      return undefined;
  }
}

/** An error about one column, in the services' shape (its field path names the column). */
export function columnError(labels: Readonly<Record<string, string>>, key: string, message: string): AppError {
  return new AppError('VALIDATION', `输入有误，未保存。${labels[key] ?? key}：${message}`, { [key]: message });
}

const SCOPE_NOUNS = { scenarioId: '场景清单', eventId: '活动', year: '年度' } as const;

/** The scope a record type's sheet needs (the event of its registrations…), or a clear refusal. */
export function scopeOf<K extends keyof typeof SCOPE_NOUNS>(ctx: SheetContext, key: K): NonNullable<SheetContext['scope'][K]> {
  const value = ctx.scope[key];
  if (value === undefined) throw new AppError('VALIDATION', `输入有误，未保存。请先选择${SCOPE_NOUNS[key]}。`, { [`scope.${key}`]: '必填' });
  return value as NonNullable<SheetContext['scope'][K]>;
}
