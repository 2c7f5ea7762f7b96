import type { z } from 'zod';
import {
  SCENARIO_KIND_LABELS,
  SCENARIO_LABELS,
  SCENARIO_STATUS_LABELS,
  ScenarioCreateInput,
  ScenarioUpdateInput,
  type Scenario,
  type ScenarioSearchInput,
} from '../../../shared/domain/scenario';
import { toShanghaiIso } from '../../../shared/shanghai-date';
import { listScenarioCategories } from '../scenarios/scenario-category-service';
import { SELECT_SCENARIOS, rowToScenario, selectScenario } from '../scenarios/scenario-queries';
import { searchScenarios } from '../scenarios/scenario-search';
import { createScenario, updateScenario } from '../scenarios/scenario-service';
import { defineFormSheet } from './form-sheet';
import { categoryOptions, optionsOf, readOnlyColumn, textOf, zoneOptions } from './sheet-columns';
import type { SheetContext } from './sheet-spec';

/** 应用场景 as a sheet: the listing form's fields; rows written by createScenario / updateScenario. */

type SearchInput = z.output<typeof ScenarioSearchInput>;

const zoneOf = (values: { get(key: string): unknown }, ctx: SheetContext) => (values.get('ownerZoneId') as string | null | undefined) ?? ctx.actor.zoneId ?? '';

export const scenarioSheet = defineFormSheet<Scenario, SearchInput>({
  sheetName: '应用场景',
  noun: '场景清单',
  labels: SCENARIO_LABELS,
  createSchema: ScenarioCreateInput as never,
  fields: [
    { key: 'categoryId', kind: 'enum', help: '场景所属的类别（X 类场景之一）', width: 14, options: (ctx) => categoryOptions(listScenarioCategories(ctx.db, true)) },
    { key: 'kind', kind: 'enum', help: '场景机会清单：征集解决方案；揭榜挂帅榜单：公开揭榜；能力清单：对外展示能力', width: 14, options: () => optionsOf(SCENARIO_KIND_LABELS) },
    { key: 'ownerZoneId', kind: 'enum', help: '发布清单的高新区；留空即本机所属高新区。可填全称、简称或代码', width: 16, options: (ctx) => zoneOptions(ctx.db) },
    { key: 'title', kind: 'text', header: '场景名称', help: '场景或榜单的名称，如「智能矿山巡检机器人应用场景」', width: 30 },
    { key: 'demandOrganisation', kind: 'text', help: '提出需求的单位', width: 24 },
    { key: 'description', kind: 'textarea', help: '场景的背景、要解决的问题', width: 40 },
    { key: 'requirements', kind: 'textarea', help: '技术路线、性能指标等要求', width: 30 },
    { key: 'expectedOutcome', kind: 'textarea', help: '期望交付的成果', width: 24 },
    { key: 'budgetMinWan', kind: 'number', unit: '万元', help: '预算下限，可留空；可写 50、50万、500000元', width: 12 },
    { key: 'budgetMaxWan', kind: 'number', unit: '万元', help: '预算上限，不小于下限', width: 12 },
    { key: 'rewardWan', kind: 'number', unit: '万元', help: '揭榜挂帅的奖励金额', width: 12 },
    { key: 'periodStart', kind: 'date', help: '计划实施的开始日期', width: 12 },
    { key: 'periodEnd', kind: 'date', help: '计划实施的结束日期，不早于开始日期', width: 12 },
    { key: 'deadline', kind: 'date', help: '接受申报（揭榜）的最后一天', width: 12 },
    { key: 'contactPerson', kind: 'text', help: '对接联系人', width: 10 },
    { key: 'contactPhone', kind: 'text', help: '手机号（如 13800138000）或座机（如 0451-86688888）', width: 16 },
    { key: 'contactEmail', kind: 'text', help: '电子邮箱', width: 22 },
    { key: 'tags', kind: 'list', help: '关键词，最多 10 个，用顿号或逗号分隔', width: 18 },
  ],
  omitted: { criteria: '评分标准是结构化的权重表，在系统中编辑' },
  exportOnly: [readOnlyColumn('status', '状态', 'text', 8), readOnlyColumn('updatedAt', '更新时间', 'datetime', 17)],
  naturalKey(row, ctx) {
    const title = textOf(row, 'title');
    return title ? { key: `${zoneOf(row.values, ctx)}\u0000${title}`, describe: `同一高新区、名称「${title}」` } : null;
  },
  existing: (ctx) =>
    ctx.db
      .prepare<[], { id: string; key: string }>(`SELECT id, owner_zone_id || char(0) || title AS key FROM scenarios WHERE deleted_at IS NULL`)
      .all(),
  get: (ctx, id) => selectScenario(ctx.db, id),
  create: (ctx, input) => createScenario(ctx.db, ctx.actor, input as z.output<typeof ScenarioCreateInput>),
  update: { schema: ScenarioUpdateInput, run: (ctx, input) => updateScenario(ctx.db, ctx.actor, input as z.output<typeof ScenarioUpdateInput>) },
  cells: (s) => ({
    categoryId: s.categoryName,
    kind: SCENARIO_KIND_LABELS[s.kind],
    ownerZoneId: s.ownerZoneName,
    title: s.title,
    demandOrganisation: s.demandOrganisation,
    description: s.description,
    requirements: s.requirements,
    expectedOutcome: s.expectedOutcome,
    budgetMinWan: s.budgetMinWan,
    budgetMaxWan: s.budgetMaxWan,
    rewardWan: s.rewardWan,
    periodStart: s.periodStart ? { date: s.periodStart } : null,
    periodEnd: s.periodEnd ? { date: s.periodEnd } : null,
    deadline: s.deadline ? { date: s.deadline } : null,
    contactPerson: s.contactPerson,
    contactPhone: s.contactPhone,
    contactEmail: s.contactEmail,
    tags: s.tags.join('、'),
    status: SCENARIO_STATUS_LABELS[s.status],
    updatedAt: { date: toShanghaiIso(s.updatedAt).slice(0, 19) },
  }),
  list(ctx, filter) {
    // The list's own search (visibility, facets, sort), every page of it.
    const found = searchScenarios(ctx.db, ctx.actor, { ...filter, offset: 0, limit: Number.MAX_SAFE_INTEGER });
    const byId = new Map(
      ctx.db
        .prepare<[string], Parameters<typeof rowToScenario>[0]>(`${SELECT_SCENARIOS} WHERE s.id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(found.items.map((i) => i.id)))
        .map((row) => [row.id, rowToScenario(row)]),
    );
    return found.items.map((i) => byId.get(i.id)).filter((s): s is Scenario => s !== undefined);
  },
  template(ctx) {
    const category = listScenarioCategories(ctx.db, false)[0];
    const zone = zoneOptions(ctx.db).find((z) => z.value === ctx.actor.zoneId);
    return {
      fileStem: '应用场景导入模板',
      example: {
        id: '示例',
        categoryId: category?.name ?? null,
        kind: SCENARIO_KIND_LABELS.challenge,
        ownerZoneId: zone?.label ?? null,
        title: '智能矿山巡检机器人应用场景',
        demandOrganisation: '鞍钢集团矿业有限公司',
        description: '井下巷道巡检依赖人工，需要能在粉尘、潮湿环境下自主巡检的机器人。',
        requirements: '续航不少于 8 小时；防爆等级 Ex ib I Mb',
        expectedOutcome: '完成 2 台样机并在矿区试运行 3 个月',
        budgetMinWan: 200,
        budgetMaxWan: 500,
        rewardWan: 100,
        periodStart: { date: '2026-07-01' },
        periodEnd: { date: '2027-06-30' },
        deadline: { date: '2026-06-15' },
        contactPerson: '王工',
        contactPhone: '0412-6723456',
        contactEmail: 'wang@example.cn',
        tags: '机器人、智能矿山',
      },
      notes: [
        '第 2 行是示例（编号为「示例」），导入时自动跳过，可以删除。',
        '每行一条场景清单。新增时「编号」留空；从本系统导出的文件保留「编号」，修改后再导入即更新原记录，不会重复。',
        '没有「编号」时，同一高新区下名称相同的清单视为同一条：再次导入会更新它。',
        '导入的清单为草稿，需在系统中发布；评分标准在系统中设置。',
        '金额以万元计，可写 50、50万、500,000元；日期可写 2026-03-15、2026/3/15、2026.3.15 或 2026年3月15日。',
      ],
    };
  },
  exportStem: () => '应用场景',
});
