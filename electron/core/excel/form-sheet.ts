import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { ColumnKind, ColumnOption, SheetColumn } from '../../../shared/domain/spreadsheet';
import { recordId, validationError } from '../../../shared/validation';
import { changedKeys } from '../patches';
import { staleVersion } from '../rules';
import { columnError, emptyCellPatch, idColumn, idOf, versionColumn } from './sheet-columns';
import { fieldFacts, headerNamesOf, type ImportRow, type ImportSession, type RowOutcome, type SheetContext, type SheetExport, type SheetSpec, type SheetTemplate } from './sheet-spec';
import type { OutCell } from './workbook-model';

/**
 * A record type whose sheet is its form: one column per field of the form's create schema
 * (required marks, lengths, ranges and choices read from that schema), rows written through
 * the record's own create and update services. Scenarios, events, applications and
 * registrations are each one such description; resources (with per-category fields) and
 * indicators (one column per configured indicator) describe their sheets themselves.
 */

export interface FormField {
  /** The create schema's key. */
  key: string;
  kind: ColumnKind;
  help: string;
  width: number;
  unit?: string;
  /** The header, when the form's label is too short for a sheet (名称 → 场景名称). */
  header?: string;
  /** The choices, looked up when the sheet is made (zones, categories). */
  options?: (ctx: SheetContext) => ColumnOption[];
  /** When the sheet's rule differs from the schema's (a field the import fills in itself). */
  required?: boolean | string;
}

type AnyObjectSchema = z.ZodObject<Record<string, z.ZodType>>;

export interface FormSheetConfig<Rec extends { id: string; version: number }, Filter> {
  sheetName: string;
  /** Refuses a missing or unknown scope (no such event) before any file is read. */
  checkScope?(ctx: SheetContext): void;
  /** What one row is: 场景清单, 活动. */
  noun: string;
  labels: Readonly<Record<string, string>>;
  /** The form's create input. */
  createSchema: AnyObjectSchema;
  fields: readonly FormField[];
  /** Create-schema keys the sheet leaves out on purpose, each with the reason (a test holds the two lists to the schema). */
  omitted: Readonly<Record<string, string>>;
  /** Written by exports for reading (状态, 更新时间…). */
  exportOnly: readonly SheetColumn[];
  /** The row's natural key (zone + title…), so that a file without 编号 still updates instead of duplicating. */
  naturalKey(row: ImportRow, ctx: SheetContext): { key: string; describe: string } | null;
  /** The live records an import may meet, by the same key (loaded once per import, when a row has no 编号). */
  existing(ctx: SheetContext): Array<{ id: string; key: string }>;
  /** One live record by id, or undefined. */
  get(ctx: SheetContext, id: string): Rec | undefined;
  /** The row's values (field key → cell value) as the schemas take them: scope ids added, names resolved. */
  toInput?(values: Record<string, unknown>, ctx: SheetContext, before?: Rec): Record<string, unknown>;
  create(ctx: SheetContext, input: Record<string, unknown>): Rec;
  /** Without one, a stored record is never changed by an import: an identical row is 「无变化」, a different one an error. */
  update?: { schema: z.ZodType; run(ctx: SheetContext, input: { id: string; version: number; patch: Record<string, unknown> }): Rec };
  /** Why a stored record cannot change through an import (when there is no update). */
  noUpdateReason?: string;
  cells(rec: Rec, ctx: SheetContext): Record<string, OutCell>;
  list(ctx: SheetContext, filter: Filter): Rec[];
  template(ctx: SheetContext): { fileStem: string; example: Record<string, OutCell>; notes: string[] };
  exportStem(ctx: SheetContext): string;
}

export function defineFormSheet<Rec extends { id: string; version: number }, Filter>(config: FormSheetConfig<Rec, Filter>): SheetSpec<unknown, Filter> & { config: FormSheetConfig<Rec, Filter> } {
  const shape = config.createSchema.shape;
  const facts = new Map(config.fields.map((f) => [f.key, fieldFacts(shape[f.key] as z.ZodType)]));
  const required = (f: FormField) => f.required ?? facts.get(f.key)?.required ?? false;
  const id = idColumn(config.noun);
  const version = versionColumn(config.noun);
  const headerOf = (f: FormField) => f.header ?? config.labels[f.key] ?? f.key;

  function formColumns(ctx: SheetContext): SheetColumn[] {
    return config.fields.map((f): SheetColumn => {
      const fact = facts.get(f.key);
      const column: SheetColumn = { key: f.key, header: headerOf(f), kind: f.kind, required: required(f), help: f.help, width: f.width };
      if ((f.kind === 'text' || f.kind === 'textarea') && fact?.max !== undefined) column.max = fact.max;
      if ((f.kind === 'number' || f.kind === 'integer') && fact?.min !== undefined) column.min = fact.min;
      if ((f.kind === 'number' || f.kind === 'integer') && fact?.max !== undefined) column.max = fact.max;
      if (f.unit) column.unit = f.unit;
      if (f.options) column.options = f.options(ctx);
      return column;
    });
  }

  const requiredKeys = config.fields.filter((f) => required(f) === true).map((f) => f.key);

  function beginImport(ctx: SheetContext): ImportSession {
    let byKey: Map<string, string[]> | null = null;
    const idsWithKey = (key: string) => {
      if (!byKey) {
        byKey = new Map();
        for (const { id, key } of config.existing(ctx)) byKey.set(key, [...(byKey.get(key) ?? []), id]);
      }
      return byKey.get(key) ?? [];
    };

    function stored(row: ImportRow): Rec | undefined {
      const rowId = idOf(row);
      if (rowId) {
        if (!recordId.safeParse(rowId).success) throw columnError({ id: '编号' }, 'id', '编号无效：应为本系统导出的 26 位编号；新增时请留空');
        const found = config.get(ctx, rowId);
        if (!found) throw columnError({ id: '编号' }, 'id', `找不到该编号的${config.noun}（可能已删除）；新增请清空编号`);
        return found;
      }
      const key = config.naturalKey(row, ctx);
      const ids = key ? idsWithKey(key.key) : [];
      if (ids.length > 1) throw new AppError('VALIDATION', `输入有误，未保存。已有 ${ids.length} 条${config.noun}符合「${key?.describe}」，请填写「编号」指明更新哪一条。`);
      return ids[0] ? config.get(ctx, ids[0]) : undefined;
    }

    function create(row: ImportRow): RowOutcome {
      const values: Record<string, unknown> = {};
      const missing: Record<string, string> = {};
      for (const f of config.fields) {
        const value = row.values.get(f.key);
        if (value !== null && value !== undefined) values[f.key] = value;
        else if (requiredKeys.includes(f.key)) missing[f.key] = '必填';
      }
      if (Object.keys(missing).length > 0) throw new AppError('VALIDATION', '输入有误，未保存。缺少必填项。', missing);
      const parsed = config.createSchema.safeParse(config.toInput ? config.toInput(values, ctx) : values);
      if (!parsed.success) throw validationError(parsed.error, { ...config.labels });
      return { action: 'add', id: config.create(ctx, parsed.data).id };
    }

    function update(row: ImportRow, before: Rec): RowOutcome {
      const values: Record<string, unknown> = {};
      for (const f of config.fields) {
        if (!row.values.has(f.key)) continue;
        const value = row.values.get(f.key) ?? null;
        const written = value !== null ? value : emptyCellPatch(f.kind);
        if (written !== undefined) values[f.key] = written;
      }
      const patch = config.toInput ? config.toInput(values, ctx, before) : values;
      const fileVersion = row.values.get('version');
      const expected = typeof fileVersion === 'number' ? fileVersion : before.version;
      if (!config.update) {
        if (changedKeys(before, patch).length === 0) return { action: 'unchanged', id: before.id };
        throw new AppError('VALIDATION', `输入有误，未保存。该${config.noun}已存在，${config.noUpdateReason ?? '不能通过导入修改'}。`);
      }
      const parsed = config.update.schema.safeParse({ id: before.id, version: expected, patch });
      if (!parsed.success) throw validationError(parsed.error, { ...config.labels });
      const input = parsed.data as { id: string; version: number; patch: Record<string, unknown> };
      if (expected !== before.version) {
        // Exported before someone else's change: fine if this row changes nothing, else a conflict.
        if (changedKeys(before, input.patch).length === 0) return { action: 'unchanged', id: before.id };
        throw staleVersion(before.version);
      }
      const after = config.update.run(ctx, input);
      return { action: after.version === before.version ? 'unchanged' : 'update', id: after.id };
    }

    return {
      identity(row) {
        const rowId = idOf(row);
        if (rowId) return { key: `id:${rowId}`, describe: `编号 ${rowId}` };
        const key = config.naturalKey(row, ctx);
        return key ? { key: `key:${key.key}`, describe: key.describe } : null;
      },
      label: (row) => {
        const first = row.values.get(config.fields.find((f) => f.kind === 'text')?.key ?? '');
        return typeof first === 'string' ? first : '';
      },
      apply(row) {
        const before = stored(row);
        return before ? update(row, before) : create(row);
      },
    };
  }

  function template(ctx: SheetContext): SheetTemplate {
    const t = config.template(ctx);
    return { fileStem: t.fileStem, columns: [id, ...formColumns(ctx)], example: t.example, notes: t.notes };
  }

  function exportRows(ctx: SheetContext, filter: Filter): SheetExport {
    const columns = [id, ...formColumns(ctx), ...config.exportOnly, version];
    const rows = config.list(ctx, filter).map((rec) => ({ ...config.cells(rec, ctx), id: rec.id, version: rec.version }));
    return { fileStem: config.exportStem(ctx), columns, rows };
  }

  return {
    config,
    sheetName: config.sheetName,
    ...(config.checkScope ? { checkScope: config.checkScope } : {}),
    headerNames: () => headerNamesOf([id, version, ...config.exportOnly, ...config.fields.map((f) => ({ header: headerOf(f), unit: f.unit }))]),
    importColumns: (ctx) => [id, ...formColumns(ctx), ...config.exportOnly, version],
    template,
    beginImport,
    exportRows,
  };
}
