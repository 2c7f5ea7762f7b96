import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  RESOURCE_LABELS,
  RESOURCE_STATUS_LABELS,
  ResourceCreateInput,
  ResourceUpdateInput,
  SHARING_MODE_LABELS,
  type Resource,
  type ResourceCategory,
} from '../../../shared/domain/resource';
import { EXTRA_LABELS, FIELD_SET_KEYS, FIELD_SETS, type FieldDef, type FieldSetKey } from '../../../shared/domain/resource-fields';
import type { ResourceSearchInput } from '../../../shared/domain/resource-search';
import { EXAMPLE_ROW_ID, unitsOf, type ColumnOption, type SheetColumn } from '../../../shared/domain/spreadsheet';
import { toShanghaiIso } from '../../../shared/shanghai-date';
import { recordId, validationError } from '../../../shared/validation';
import { changedKeys } from '../patches';
import type { Actor } from '../records';
import { getCategory, listCategories } from '../resources/category-service';
import { rowToResource, type ResourceJoinedRow } from '../resources/resource-queries';
import { createResource, updateResource } from '../resources/resource-service';
import { staleVersion } from '../rules';
import { searchResources } from '../search/resource-search';
import { selectLiveZones } from '../zones/zone-queries';
import { categoryOptions, columnError, idColumn, idOf, optionsOf, readOnlyColumn, textOf, versionColumn, zoneOptions } from './sheet-columns';
import { fieldFacts, headerNamesOf, type CellValue, type ImportRow, type ImportSession, type SheetContext, type SheetExport, type SheetSpec, type SheetTemplate } from './sheet-spec';
import type { OutCell } from './workbook-model';

/**
 * 科技资源 as a sheet: the form's fields (ResourceCreateInput and its labels) then every
 * category's own fields (FIELD_SETS), each column described from the same schema and
 * definitions the form uses; rows are written by createResource / updateResource.
 */

type SearchInput = z.output<typeof ResourceSearchInput>;
type CommonKey = Exclude<keyof typeof ResourceCreateInput.shape, 'extra'>;

const LABELS = { ...RESOURCE_LABELS, ...EXTRA_LABELS };

/** The form's fields, in the form's order, with what a clerk needs to know about each. */
const COMMON: ReadonlyArray<{ key: CommonKey; kind: SheetColumn['kind']; help: string; unit?: string; width: number }> = [
  { key: 'categoryId', kind: 'enum', help: '资源的类别，决定要填写哪些专用字段（见右侧各列）', width: 12 },
  { key: 'ownerZoneId', kind: 'enum', help: '资源所属的高新区；留空即本机所属高新区。可填全称、简称或代码', width: 16 },
  { key: 'title', kind: 'text', help: '资源名称，如「场发射扫描电子显微镜」', width: 28 },
  { key: 'organisation', kind: 'text', help: '资源所在的单位', width: 24 },
  { key: 'location', kind: 'text', help: '所在城市、区县或详细地址', width: 16 },
  { key: 'description', kind: 'textarea', help: '资源简介：用途、能力、特色', width: 36 },
  { key: 'sharingMode', kind: 'enum', help: '对外共享的方式', width: 10 },
  { key: 'feeStandard', kind: 'text', help: '收费说明，如「400 元/小时」；共享方式为「收费」时必填', width: 20 },
  { key: 'feeAmount', kind: 'number', unit: '元', help: '参考价格，可留空', width: 12 },
  { key: 'contactPerson', kind: 'text', help: '对接联系人', width: 10 },
  { key: 'contactPhone', kind: 'text', help: '手机号（如 13800138000）或座机（如 0451-86688888）', width: 16 },
  { key: 'contactEmail', kind: 'text', help: '电子邮箱，如 name@example.cn', width: 22 },
  { key: 'tags', kind: 'list', help: '关键词，最多 10 个，每个不超过 20 字', width: 18 },
];

const ID_COLUMN = idColumn('资源');
const VERSION_COLUMN = versionColumn('资源');
const STATUS_COLUMN = readOnlyColumn('status', '状态', 'text', 8);
const UPDATED_COLUMN = readOnlyColumn('updatedAt', '更新时间', 'datetime', 17);

function commonColumns(db: Database.Database): SheetColumn[] {
  const shape = ResourceCreateInput.shape;
  return COMMON.map((c): SheetColumn => {
    const facts = fieldFacts(shape[c.key]);
    const column: SheetColumn = { key: c.key, header: RESOURCE_LABELS[c.key] ?? c.key, kind: c.kind, required: facts.required, help: c.help, width: c.width };
    if (c.kind === 'text' || c.kind === 'textarea') column.max = facts.max;
    if (c.kind === 'number' && facts.min !== undefined) column.min = facts.min;
    if (c.unit) Object.assign(column, { unit: c.unit, units: unitsOf(c.unit) });
    if (c.key === 'categoryId') column.options = categoryOptions(listCategories(db, true));
    if (c.key === 'ownerZoneId') column.options = zoneOptions(db);
    if (c.key === 'sharingMode') column.options = optionsOf(SHARING_MODE_LABELS);
    return column;
  });
}

/** Every category field, once per key, in field-set order (面积, 服务项目… appear in several sets). */
function extraDefs(fieldSets: readonly FieldSetKey[] = FIELD_SET_KEYS): FieldDef[] {
  const seen = new Map<string, FieldDef>();
  for (const set of fieldSets) for (const def of FIELD_SETS[set] as readonly FieldDef[]) if (!seen.has(def.key)) seen.set(def.key, def);
  return [...seen.values()];
}

function extraColumn(def: FieldDef, required: boolean | string, usedBy: string): SheetColumn {
  const kind: SheetColumn['kind'] = def.kind;
  const column: SheetColumn = {
    key: `extra.${def.key}`,
    header: def.label,
    kind,
    required,
    help: `${usedBy}的专用字段：${def.label}`,
    width: def.kind === 'textarea' ? 30 : def.kind === 'enum' ? 12 : Math.min(24, Math.max(10, def.label.length * 2 + 4)),
  };
  if (def.max !== undefined) column.max = def.max;
  if (def.min !== undefined) column.min = def.min;
  if (def.unit) Object.assign(column, { unit: def.unit, units: unitsOf(def.unit) });
  if (def.key === 'purchaseYear') column.units = { 年: 1 };
  if (def.options) column.options = def.options.map((o) => ({ value: o.value, label: o.label, aliases: [o.labelEn] }));
  return column;
}

/** Which categories use each field, and whether it is required there: 「仪器设备」类必填. */
function extraColumns(db: Database.Database, fieldSets: readonly FieldSetKey[], forCategory?: ResourceCategory): SheetColumn[] {
  const categories = listCategories(db, false);
  return extraDefs(fieldSets).map((def) => {
    if (forCategory) return extraColumn(def, def.required === true, `「${forCategory.name}」`);
    const users = categories.filter((c) => (FIELD_SETS[c.fieldSet] as readonly FieldDef[]).some((d) => d.key === def.key));
    const requiredIn = users.filter((c) => (FIELD_SETS[c.fieldSet] as readonly FieldDef[]).some((d) => d.key === def.key && d.required));
    const names = (list: ResourceCategory[]) => list.map((c) => `「${c.name}」`).join('');
    return extraColumn(def, requiredIn.length > 0 ? `${names(requiredIn)}类必填` : false, users.length > 0 ? `${names(users)}类` : '（暂无类别使用）');
  });
}

// ── Template ─────────────────────────────────────────────────────────────────────────────

/** A believable example per field set (labels for choices), checked by a test to import cleanly. */
const EXAMPLES: Record<FieldSetKey, { title: string; organisation: string; extra: Record<string, string | number> }> = {
  instrument: {
    title: '场发射扫描电子显微镜',
    organisation: '沈阳材料科学国家研究中心',
    extra: { model: 'SU8020', manufacturer: '日立', originalValue: 385, purchaseYear: 2019, technicalParameters: '分辨率 1.0 nm（15 kV）', applicationScope: '金属与陶瓷材料微观形貌观察', openHours: '工作日 8:30–17:00', bookingMode: '时间预约', instrumentState: '空闲' },
  },
  platform: { title: '稀土材料检测公共服务平台', organisation: '包头稀土研究院', extra: { accreditation: 'CMA、CNAS', serviceItems: '稀土成分分析、磁性能测试', openHours: '工作日 8:30–17:00' } },
  pilot: { title: '生物医药中试基地', organisation: '长春生物医药产业园', extra: { pilotCapability: '年中试 20 批次，GMP 车间', floorArea: 3000, openHours: '预约开放' } },
  incubator: { title: '哈尔滨高新区科技企业孵化器', organisation: '哈尔滨科技创新服务中心', extra: { floorArea: 12000, workstations: 200, servicesOffered: '创业辅导、投融资对接' } },
  expert: { title: '张研究员（稀土功能材料）', organisation: '中国科学院长春应用化学研究所', extra: { field: '稀土功能材料', title: '研究员', affiliation: '中国科学院长春应用化学研究所', expertise: '稀土发光材料的设计与应用' } },
  patent: { title: '一种稀土永磁材料的制备方法', organisation: '大连理工大学', extra: { patentNumber: 'ZL202310123456.7', patentType: '发明', legalStatus: '有效', transferMode: '许可' } },
  data: { title: '东北地区气象观测数据集', organisation: '沈阳区域气候中心', extra: { dataFormat: 'CSV、API', updateFrequency: '每月', accessConditions: '签署数据使用协议' } },
  service: { title: '知识产权代理服务', organisation: '长春知识产权服务中心', extra: { serviceItems: '专利申请、商标注册', serviceArea: '东北三省' } },
};

function template({ db, actor }: SheetContext, options: { categoryId?: string | undefined }): SheetTemplate {
  const category = options.categoryId ? getCategory(db, options.categoryId) : undefined;
  const fieldSets = category ? [category.fieldSet] : FIELD_SET_KEYS;
  const columns = [ID_COLUMN, ...commonColumns(db), ...extraColumns(db, fieldSets, category)];
  const exampleCategory = category ?? listCategories(db, false).find((c) => c.fieldSet === 'instrument') ?? listCategories(db, false)[0];
  const sample = EXAMPLES[exampleCategory?.fieldSet ?? 'instrument'];
  const zone = selectLiveZones(db).find((z) => z.id === actor.zoneId);
  const example: Record<string, OutCell> = {
    id: EXAMPLE_ROW_ID,
    categoryId: exampleCategory?.name ?? null,
    ownerZoneId: zone?.short_name ?? null,
    title: sample.title,
    organisation: sample.organisation,
    location: '沈阳市浑南区',
    description: '面向联盟成员单位开放共享。',
    sharingMode: SHARING_MODE_LABELS.paid,
    feeStandard: '400 元/小时',
    feeAmount: 400,
    contactPerson: '孙老师',
    contactPhone: '024-23971234',
    contactEmail: 'sun@example.cn',
    tags: '示例、共享',
  };
  for (const [key, value] of Object.entries(sample.extra)) example[`extra.${key}`] = value;
  return {
    fileStem: `科技资源导入模板${category ? `（${category.name}）` : ''}`,
    columns,
    example,
    notes: [
      '第 2 行是示例（编号为「示例」），导入时自动跳过，可以删除。',
      '每行一条资源。新增时「编号」留空；从本系统导出的文件保留「编号」，修改后再导入即更新原记录，不会重复。',
      '没有「编号」时，同一高新区下名称相同的资源视为同一条：再次导入会更新它。',
      category ? `本模板只含「${category.name}」的专用字段。` : '专用字段只填与「类别」对应的列，其他类别的列留空。',
      '导入的资源为草稿，需在系统中提交审核。',
      '日期可写 2026-03-15、2026/3/15、2026.3.15 或 2026年3月15日；数字可带千分位和单位（如 1,200、385万元）。',
    ],
  };
}

// ── Import ───────────────────────────────────────────────────────────────────────────────

const COMMON_KEYS = COMMON.map((c) => c.key);
const TEXT_KEYS = new Set<string>(COMMON.filter((c) => c.kind === 'text' || c.kind === 'textarea').map((c) => c.key));

function beginImport({ db, actor }: SheetContext): ImportSession {
  const byZoneTitle = new Map<string, Map<string, string[]>>();
  const liveIds = db.prepare<[string], { id: string; title: string }>('SELECT id, title FROM resources WHERE owner_zone_id = ? AND deleted_at IS NULL');
  const selectOne = db.prepare<[string], ResourceJoinedRow>(`${SELECT_JOINED} WHERE r.id = ? AND r.deleted_at IS NULL`);
  const categories = new Map(listCategories(db, true).map((c) => [c.id, c]));

  const zoneOf = (row: ImportRow) => (row.values.get('ownerZoneId') as string | null | undefined) ?? actor.zoneId ?? '';
  const titleOf = (row: ImportRow) => textOf(row, 'title');
  /** Live resources of a zone by title (loaded once per zone and import). */
  const titlesOf = (zoneId: string) => {
    let map = byZoneTitle.get(zoneId);
    if (!map) {
      map = new Map();
      for (const r of liveIds.all(zoneId)) map.set(r.title, [...(map.get(r.title) ?? []), r.id]);
      byZoneTitle.set(zoneId, map);
    }
    return map;
  };

  return {
    identity(row) {
      const id = idOf(row);
      if (id) return { key: `id:${id}`, describe: `编号 ${id}` };
      const title = titleOf(row);
      return title ? { key: `key:${zoneOf(row)}\u0000${title}`, describe: `同一高新区、名称「${title}」` } : null;
    },
    label: (row) => titleOf(row),
    apply(row) {
      const id = idOf(row);
      let existing: Resource | undefined;
      if (id) {
        if (!recordId.safeParse(id).success) throw fieldError('id', '编号无效：应为本系统导出的 26 位编号；新增时请留空');
        const found = selectOne.get(id);
        if (!found) throw fieldError('id', '找不到该编号的资源（可能已删除）；新增请清空编号');
        existing = rowToResource(found);
      } else {
        const zoneId = zoneOf(row);
        const matches = zoneId ? (titlesOf(zoneId).get(titleOf(row)) ?? []) : [];
        if (matches.length > 1) throw fieldError('title', `本高新区有 ${matches.length} 条同名资源，请填写「编号」指明更新哪一条`);
        const match = matches[0] ? selectOne.get(matches[0]) : undefined;
        if (match) existing = rowToResource(match);
      }
      return existing ? update(row, existing) : create(row);
    },
  };

  function create(row: ImportRow) {
    const input: Record<string, unknown> = {};
    const missing: Record<string, string> = {};
    for (const key of COMMON_KEYS) {
      const value = row.values.get(key);
      if (value !== null && value !== undefined) input[key] = value;
      else if (REQUIRED_KEYS.has(key)) missing[key] = '必填';
    }
    if (Object.keys(missing).length > 0) throw new AppError('VALIDATION', '输入有误，未保存。缺少必填项。', missing);
    const category = typeof input.categoryId === 'string' ? categories.get(input.categoryId) : undefined;
    if (category) input.extra = extraOf(row, category, {});
    const parsed = ResourceCreateInput.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, LABELS);
    const created = createResource(db, actor, parsed.data);
    return { action: 'add' as const, id: created.id };
  }

  function update(row: ImportRow, before: Resource) {
    const patch: Record<string, unknown> = {};
    for (const key of COMMON_KEYS) {
      if (!row.values.has(key)) continue;
      const value = row.values.get(key) ?? null;
      if (value !== null) patch[key] = value;
      else if (TEXT_KEYS.has(key)) patch[key] = '';
      else if (key === 'feeAmount') patch[key] = null;
      else if (key === 'tags') patch[key] = [];
      // an empty category, zone or sharing mode keeps what is there (required ones were flagged already)
    }
    const categoryId = (patch.categoryId as string | undefined) ?? before.categoryId;
    const category = categories.get(categoryId) ?? getCategory(db, categoryId);
    const sameCategory = category.id === before.categoryId;
    const extra = extraOf(row, category, sameCategory ? before.extra : {});
    if (!sameCategory || EXTRA_KEYS.some((k) => row.values.has(k))) patch.extra = extra;
    const fileVersion = row.values.get('version');
    const version = typeof fileVersion === 'number' ? fileVersion : before.version;
    const parsed = ResourceUpdateInput.safeParse({ id: before.id, version, patch });
    if (!parsed.success) throw validationError(parsed.error, LABELS);
    if (version !== before.version) {
      // Exported before someone else's change: fine if this row changes nothing, else a conflict.
      if (changedKeys(before, parsed.data.patch).length === 0) return { action: 'unchanged' as const, id: before.id };
      throw staleVersion(before.version);
    }
    const after = updateResource(db, actor, parsed.data);
    return { action: after.version === before.version ? ('unchanged' as const) : ('update' as const), id: after.id };
  }

  /** The row's category fields over `base`; a value in another category's column is an error. */
  function extraOf(row: ImportRow, category: ResourceCategory, base: Record<string, string | number | null>): Record<string, string | number | null> {
    const own = new Set((FIELD_SETS[category.fieldSet] as readonly FieldDef[]).map((d) => d.key));
    const extra = { ...base };
    const wrong: Record<string, string> = {};
    for (const key of EXTRA_KEYS) {
      if (!row.values.has(key)) continue;
      const field = key.slice('extra.'.length);
      const value = row.values.get(key) as CellValue;
      if (!own.has(field)) {
        if (value !== null) wrong[key] = `「${category.name}」类资源没有此项，请留空`;
        continue;
      }
      if (value === null) delete extra[field];
      else extra[field] = Array.isArray(value) ? value.join('、') : value;
    }
    if (Object.keys(wrong).length > 0) throw new AppError('VALIDATION', '输入有误，未保存。有不属于该类别的专用字段。', wrong);
    return extra;
  }
}

const EXTRA_KEYS = extraDefs().map((d) => `extra.${d.key}`);
const REQUIRED_KEYS = new Set<string>(COMMON_KEYS.filter((k) => fieldFacts(ResourceCreateInput.shape[k]).required));

const fieldError = (key: string, message: string): AppError => columnError(LABELS, key, message);

// ── Export ───────────────────────────────────────────────────────────────────────────────

const SELECT_JOINED = `
  SELECT r.*, c.name AS category_name, c.field_set AS field_set, z.short_name AS zone_name
  FROM resources r
  JOIN resource_categories c ON c.id = r.category_id
  JOIN zones z ON z.id = r.owner_zone_id`;

const EXPORT_CHUNK = 500;

function exportRows({ db, actor }: SheetContext, filter: SearchInput): SheetExport {
  {
    // The list's own search (visibility, facets, sort), every page of it. Not inside a
    // transaction of ours: the search keeps its caches only in its own read transaction.
    const found = searchResources(db, { ...filter, offset: 0, limit: Number.MAX_SAFE_INTEGER }, { role: actor.role, zoneId: actor.zoneId });
    const ids = found.items.map((i) => i.id);
    const byId = new Map<string, Resource>();
    for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
      const chunk = ids.slice(i, i + EXPORT_CHUNK);
      const rows = db.prepare<[string], ResourceJoinedRow>(`${SELECT_JOINED} WHERE r.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(chunk));
      for (const row of rows) byId.set(row.id, rowToResource(row));
    }
    const resources = ids.map((id) => byId.get(id)).filter((r): r is Resource => r !== undefined);
    const fieldSets = FIELD_SET_KEYS.filter((k) => resources.some((r) => r.fieldSet === k));
    const extraCols = extraDefs(fieldSets).map((def) => extraColumn(def, false, ''));
    const columns = [ID_COLUMN, ...commonColumns(db), ...extraCols, STATUS_COLUMN, UPDATED_COLUMN, VERSION_COLUMN];
    const optionLabel = new Map(extraCols.map((c) => [c.key, new Map((c.options ?? []).map((o) => [o.value, o.label]))]));
    const rows = resources.map((r) => {
      const out: Record<string, OutCell> = {
        id: r.id,
        categoryId: r.categoryName,
        ownerZoneId: r.ownerZoneName,
        title: r.title,
        organisation: r.organisation,
        location: r.location,
        description: r.description,
        sharingMode: SHARING_MODE_LABELS[r.sharingMode],
        feeStandard: r.feeStandard,
        feeAmount: r.feeAmount,
        contactPerson: r.contactPerson,
        contactPhone: r.contactPhone,
        contactEmail: r.contactEmail,
        tags: r.tags.join('、'),
        status: RESOURCE_STATUS_LABELS[r.status],
        updatedAt: { date: toShanghaiIso(r.updatedAt).slice(0, 19) },
        version: r.version,
      };
      for (const [key, value] of Object.entries(r.extra)) {
        const labels = optionLabel.get(`extra.${key}`);
        out[`extra.${key}`] = typeof value === 'string' && labels?.size ? (labels.get(value) ?? value) : value;
      }
      return out;
    });
    return { fileStem: '科技资源', columns, rows };
  }
}

// ── The spec ─────────────────────────────────────────────────────────────────────────────

export const resourceSheet: SheetSpec<{ categoryId?: string | undefined }, SearchInput> = {
  sheetName: '科技资源',
  headerNames: () => headerNamesOf([ID_COLUMN, VERSION_COLUMN, STATUS_COLUMN, UPDATED_COLUMN, ...COMMON.map((c) => ({ header: RESOURCE_LABELS[c.key] ?? c.key, unit: c.unit })), ...extraDefs().map((d) => ({ header: d.label, unit: d.unit }))]),
  importColumns: ({ db }) => [ID_COLUMN, ...commonColumns(db), ...extraColumns(db, FIELD_SET_KEYS), STATUS_COLUMN, UPDATED_COLUMN, VERSION_COLUMN],
  template,
  beginImport,
  exportRows,
};
