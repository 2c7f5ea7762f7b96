import type { z } from 'zod';
import { APPLICATION_LABELS, APPLICATION_STATUS_LABELS, ApplicationCreateInput, ORGANISATION_TYPE_LABELS, type RankedApplication, type ScenarioApplication } from '../../../shared/domain/scenario-application';
import type { SheetScope } from '../../../shared/domain/spreadsheet';
import { toShanghaiIso } from '../../../shared/shanghai-date';
import { selectApplication } from '../scenarios/application-queries';
import { applicationRanking, createApplication } from '../scenarios/application-service';
import { assertMaySeeScenario, getScenario } from '../scenarios/scenario-service';
import { defineFormSheet } from './form-sheet';
import { optionsOf, readOnlyColumn, scopeOf, textOf, zoneOptions } from './sheet-columns';

/**
 * 揭榜申报 of one listing as a sheet: the application form's fields; rows added by
 * createApplication (its rules: the listing open, one application per organisation). An
 * application is not edited through a sheet — its applicant changes it in the app — so a
 * row already there is 「无变化」 when identical and an error otherwise.
 */

type Application = ScenarioApplication & Partial<Pick<RankedApplication, 'weightedScore' | 'rank'>>;

export const applicationSheet = defineFormSheet<Application, SheetScope>({
  sheetName: '揭榜申报',
  checkScope: (ctx) => assertMaySeeScenario(ctx.actor, getScenario(ctx.db, scopeOf(ctx, 'scenarioId'))),
  noun: '申报',
  labels: APPLICATION_LABELS,
  createSchema: ApplicationCreateInput as never,
  fields: [
    { key: 'organisation', kind: 'text', help: '申报（揭榜）的单位全称', width: 26 },
    { key: 'organisationType', kind: 'enum', help: '单位性质', width: 10, options: () => optionsOf(ORGANISATION_TYPE_LABELS) },
    { key: 'applicantZoneId', kind: 'enum', help: '申报单位所在的高新区；留空即本机所属高新区', width: 14, options: (ctx) => zoneOptions(ctx.db) },
    { key: 'proposalSummary', kind: 'textarea', help: '技术方案摘要：思路、指标、进度', width: 40 },
    { key: 'team', kind: 'textarea', help: '团队构成与相关经验', width: 24 },
    { key: 'priorResults', kind: 'textarea', help: '已有的相关成果、专利、案例', width: 24 },
    { key: 'contactPerson', kind: 'text', help: '申报联系人', width: 10 },
    { key: 'contactPhone', kind: 'text', help: '手机号或座机', width: 16 },
    { key: 'contactEmail', kind: 'text', help: '电子邮箱', width: 22 },
  ],
  omitted: { scenarioId: '由导入时所在的场景清单决定' },
  exportOnly: [
    readOnlyColumn('status', '状态', 'text', 10),
    readOnlyColumn('weightedScore', '加权得分', 'number', 10),
    readOnlyColumn('rank', '排名', 'integer', 6),
    readOnlyColumn('submittedAt', '申报时间', 'datetime', 17),
  ],
  naturalKey(row, ctx) {
    const organisation = textOf(row, 'organisation');
    return organisation ? { key: `${scopeOf(ctx, 'scenarioId')}\u0000${organisation}`, describe: `同一单位「${organisation}」` } : null;
  },
  existing: (ctx) =>
    ctx.db
      .prepare<[string], { id: string; key: string }>("SELECT id, scenario_id || char(0) || organisation AS key FROM scenario_applications WHERE scenario_id = ? AND deleted_at IS NULL AND status <> 'withdrawn'")
      .all(scopeOf(ctx, 'scenarioId')),
  get(ctx, id) {
    const found = selectApplication(ctx.db, id);
    return found && found.scenarioId === scopeOf(ctx, 'scenarioId') ? found : undefined;
  },
  toInput: (values, ctx, before) => (before ? values : { ...values, scenarioId: scopeOf(ctx, 'scenarioId') }),
  create: (ctx, input) => createApplication(ctx.db, ctx.actor, input as z.output<typeof ApplicationCreateInput>),
  noUpdateReason: '申报内容请在系统中由申报单位修改或撤回后重新申报',
  cells: (a) => ({
    organisation: a.organisation,
    organisationType: ORGANISATION_TYPE_LABELS[a.organisationType],
    applicantZoneId: a.applicantZoneName,
    proposalSummary: a.proposalSummary,
    team: a.team,
    priorResults: a.priorResults,
    contactPerson: a.contactPerson,
    contactPhone: a.contactPhone,
    contactEmail: a.contactEmail,
    status: APPLICATION_STATUS_LABELS[a.status],
    weightedScore: a.weightedScore ?? null,
    rank: a.rank ?? null,
    submittedAt: { date: toShanghaiIso(a.submittedAt).slice(0, 19) },
  }),
  list: (ctx, scope) => applicationRanking(ctx.db, ctx.actor, scopeOf({ ...ctx, scope }, 'scenarioId')).applications,
  template(ctx) {
    const scenario = getScenario(ctx.db, scopeOf(ctx, 'scenarioId'));
    const zone = zoneOptions(ctx.db).find((z) => z.value === ctx.actor.zoneId);
    return {
      fileStem: `揭榜申报导入模板（${scenario.title.slice(0, 30)}）`,
      example: {
        id: '示例',
        organisation: '哈尔滨工业大学机器人研究所',
        organisationType: ORGANISATION_TYPE_LABELS.university,
        applicantZoneId: zone?.label ?? null,
        proposalSummary: '采用履带式底盘与多传感器融合导航，6 个月内交付样机。',
        team: '教授 2 名、博士 5 名',
        priorResults: '已在 3 个煤矿部署巡检机器人',
        contactPerson: '赵老师',
        contactPhone: '0451-86412345',
        contactEmail: 'zhao@example.cn',
      },
      notes: [
        `本模板用于场景清单「${scenario.title}」的揭榜申报。`,
        '第 2 行是示例（编号为「示例」），导入时自动跳过，可以删除。',
        '每行一个申报单位；同一单位对同一清单只能申报一次，再次导入同一文件不会重复。',
        '已提交的申报不能通过导入修改，请在系统中处理。只有发布中、未过截止日期的清单接受申报。',
      ],
    };
  },
  exportStem: (ctx) => `揭榜申报_${getScenario(ctx.db, scopeOf(ctx, 'scenarioId')).title.slice(0, 30)}`,
});
