import { AppError } from '../../../shared/errors';
import { IndicatorValuesSaveInput, INDICATOR_LABELS, type IndicatorDef } from '../../../shared/domain/indicators';
import { unitsOf, type SheetColumn, type SheetScope } from '../../../shared/domain/spreadsheet';
import { validationError } from '../../../shared/validation';
import { indicatorTable, listIndicatorDefs, saveIndicatorValues } from '../indicators/indicator-service';
import { readOnlyColumn, scopeOf, zoneOptions } from './sheet-columns';
import { headerNamesOf, type ImportSession, type SheetContext, type SheetExport, type SheetSpec, type SheetTemplate } from './sheet-spec';
import type { OutCell } from './workbook-model';

/**
 * 发展指标 of one year as a sheet: a row per zone, a column per configured indicator (so an
 * indicator added in 设置 is a new column at once). Rows are written by saveIndicatorValues:
 * members their own zone's row, the secretariat any. There is no 编号: the zone is the key,
 * and the template comes pre-filled with the zones to fill in and the values already entered.
 */

const ZONE_COLUMN: SheetColumn = { key: 'zoneId', header: '高新区', kind: 'enum', required: true, help: '填报的高新区：简称、全称或代码', aliases: ['园区', '高新区名称'], width: 16 };
const PROVINCE_COLUMN = readOnlyColumn('province', '省份', 'text', 8);

const valueKey = (def: Pick<IndicatorDef, 'id'>) => `values.${def.id}`;

function indicatorColumn(def: IndicatorDef): SheetColumn {
  return {
    key: valueKey(def),
    header: def.name,
    kind: 'number',
    required: false,
    help: `${def.name}${def.unit ? `（${def.unit}）` : ''}。留空即清除已填的值`,
    min: 0,
    ...(def.unit ? { unit: def.unit, units: unitsOf(def.unit) } : {}),
    width: Math.max(12, def.name.length * 2 + 4),
  };
}

function columns(ctx: SheetContext, includeInactive: boolean): SheetColumn[] {
  return [{ ...ZONE_COLUMN, options: zoneOptions(ctx.db) }, PROVINCE_COLUMN, ...listIndicatorDefs(ctx.db, includeInactive).map(indicatorColumn)];
}

/** The year's table as rows of cells; members get their own zone's row only. */
function zoneRows(ctx: SheetContext, year: number): Array<Record<string, OutCell>> {
  const table = indicatorTable(ctx.db, year);
  return table.zones
    .filter((z) => ctx.actor.role === 'secretariat' || z.zoneId === ctx.actor.zoneId)
    .map((z) => ({ zoneId: z.zoneName, province: z.province, ...Object.fromEntries(table.indicators.map((i) => [valueKey(i), z.values[i.id] ?? null])) }));
}

function beginImport(ctx: SheetContext): ImportSession {
  const year = scopeOf(ctx, 'year');
  const stored = ctx.db.prepare<[string, number], { indicator_id: string; value: number }>('SELECT indicator_id, value FROM indicator_values WHERE zone_id = ? AND year = ?');
  const zoneOf = (row: { values: ReadonlyMap<string, unknown> }) => row.values.get('zoneId') as string | null | undefined;
  const names = new Map(zoneOptions(ctx.db).map((o) => [o.value, o.label]));
  return {
    identity(row) {
      const zoneId = zoneOf(row);
      return zoneId ? { key: zoneId, describe: `同一高新区「${names.get(zoneId) ?? zoneId}」` } : null;
    },
    label: (row) => names.get(zoneOf(row) ?? '') ?? '',
    apply(row) {
      const zoneId = zoneOf(row);
      if (!zoneId) throw new AppError('VALIDATION', '输入有误，未保存。高新区：必填。', { zoneId: '必填' });
      const before = new Map(stored.all(zoneId, year).map((v) => [v.indicator_id, v.value]));
      const values: Record<string, number | null> = {};
      for (const [key, value] of row.values) {
        if (!key.startsWith('values.')) continue;
        const id = key.slice('values.'.length);
        const next = typeof value === 'number' ? value : null;
        if ((before.get(id) ?? null) !== next) values[id] = next;
      }
      const id = `${zoneId}:${year}`;
      if (Object.keys(values).length === 0) return { action: 'unchanged', id };
      const parsed = IndicatorValuesSaveInput.safeParse({ zoneId, year, values });
      if (!parsed.success) throw validationError(parsed.error, INDICATOR_LABELS);
      saveIndicatorValues(ctx.db, ctx.actor, parsed.data);
      return { action: before.size === 0 ? 'add' : 'update', id };
    },
  };
}

function template(ctx: SheetContext): SheetTemplate {
  const year = scopeOf(ctx, 'year');
  return {
    fileStem: `发展指标填报模板（${year} 年）`,
    columns: columns(ctx, false),
    example: {},
    rows: zoneRows(ctx, year),
    notes: [
      `本表用于填报 ${year} 年的发展指标，每行一个高新区，已填的值已带出。`,
      '只填需要更新的格子即可：与系统中相同的值不会改动；清空一个格子会清除该项已填的值。',
      '成员单位只能导入本高新区的一行；秘书长单位可以导入全部高新区。',
      '数字可带千分位和单位，如 1,234.5、385万元；指标项目在「设置」中维护，新增的指标会出现在新下载的模板中。',
    ],
  };
}

function exportRows(ctx: SheetContext, scope: SheetScope): SheetExport {
  const year = scopeOf({ ...ctx, scope }, 'year');
  return { fileStem: `发展指标_${year}年`, columns: columns(ctx, false), rows: zoneRows(ctx, year) };
}

export const indicatorSheet: SheetSpec<unknown, SheetScope> = {
  sheetName: '发展指标',
  checkScope: (ctx) => void scopeOf(ctx, 'year'),
  headerNames: (ctx) => headerNamesOf([ZONE_COLUMN, ...(ZONE_COLUMN.aliases ?? []).map((header) => ({ header })), PROVINCE_COLUMN, ...listIndicatorDefs(ctx.db, true).map(indicatorColumn)]),
  importColumns: (ctx) => columns(ctx, true),
  template,
  beginImport,
  exportRows,
};
