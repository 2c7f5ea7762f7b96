import { z } from 'zod';
import { AuditListInput, type AuditEntry } from './domain/audit';
import type { DemoSummary } from './domain/demo';
import { SettingsUpdateInput, SETTINGS_LABELS, SetupInput, type AppInfo } from './domain/settings';
import {
  AttachmentAddInput,
  AttachmentIdInput,
  CATEGORY_LABELS,
  CategorySaveInput,
  RESOURCE_LABELS,
  ResourceBulkTransitionInput,
  ResourceCreateInput,
  ResourceTransitionInput,
  ResourceUpdateInput,
  type Attachment,
  type AttachmentContent,
  type BulkResult,
  type Resource,
  type ResourceCategory,
  type ResourceDetail,
} from './domain/resource';
import { RESOURCE_SEARCH_LABELS, ResourceSearchInput, type ResourceSearchResult } from './domain/resource-search';
import { REQUEST_LABELS, RequestActInput, RequestCreateInput, RequestDecideInput, RequestListInput, type RequestStats, type SharingRequest } from './domain/sharing-request';
import { MATCH_LABELS, MatchInput, type ResourceMatch, type ScenarioMatch } from './domain/matching';
import {
  SCENARIO_CATEGORY_LABELS,
  SCENARIO_LABELS,
  SCENARIO_SEARCH_LABELS,
  ScenarioCategorySaveInput,
  ScenarioCreateInput,
  ScenarioSearchInput,
  ScenarioTransitionInput,
  ScenarioUpdateInput,
  type Scenario,
  type ScenarioCategory,
  type ScenarioDetail,
  type ScenarioSearchResult,
} from './domain/scenario';
import {
  APPLICATION_LABELS,
  ApplicationCreateInput,
  ApplicationListInput,
  ApplicationTransitionInput,
  ScoreSaveInput,
  type ApplicationRanking,
  type ScenarioApplication,
} from './domain/scenario-application';
import {
  EVENT_LABELS,
  EVENT_LIST_LABELS,
  EVENT_TYPE_LABELS,
  EventCheckInput,
  EventCreateInput,
  EventExportInput,
  EventImportInput,
  EventListInput,
  EventOutcomeInput,
  EventTransitionInput,
  EventTypeSaveInput,
  EventUpdateInput,
  type AllianceEvent,
  type EventDetail,
  type EventImportPreview,
  type EventListResult,
  type EventReminder,
  type EventType,
  type EventWarning,
} from './domain/event';
import {
  CheckInInput,
  REGISTRATION_LABELS,
  RegistrationCancelInput,
  RegistrationCreateInput,
  RegistrationListInput,
  type CancelResult,
  type CheckInResult,
  type Registration,
  type RegistrationList,
} from './domain/event-registration';
import { HOLIDAY_LABELS, type HolidayEntry } from './domain/holidays';
import {
  INDICATOR_LABELS,
  IndicatorDefSaveInput,
  IndicatorValuesSaveInput,
  IndicatorYearInput,
  type IndicatorDef,
  type IndicatorTable,
} from './domain/indicators';
import {
  MetricRecordsInput,
  PLAN_LABELS,
  PlanCopyInput,
  PlanTargetsInput,
  PlanYearInput,
  ReportExportInput,
  WorkItemSaveInput,
  type AnnualReport,
  type Dashboard,
  type MetricRecord,
  type Plan,
  type PlanProgress,
  type WorkItem,
} from './domain/plan';
import {
  BACKUP_LABELS,
  BackupFolderInput,
  BackupIdInput,
  WorkspaceExportInput,
  WorkspaceOpenInput,
  type BackupEntry,
  type BackupOverview,
  type RestoreResult,
  type WorkspaceExport,
} from './domain/backup';
import {
  EXCHANGE_LABELS,
  ExchangeApplyInput,
  ExchangeFileInput,
  ExchangeFolderInput,
  ExchangeKeyChangeInput,
  ExchangeResolveInput,
  type ExchangeConflict,
  type ExchangeIdentity,
  type ExchangePackageEntry,
  type ExchangeResult,
  type SyncSummary,
} from './domain/exchange';
import {
  SHEET_LABELS,
  SheetCommitInput,
  SheetErrorWorkbookInput,
  SheetExportInput,
  SheetProgressInput,
  type SheetProgress,
  SheetFileInput,
  SheetTemplateInput,
  type SheetCommitResult,
  type SheetFile,
  type SheetPreview,
} from './domain/spreadsheet';
import { isoDate, recordId } from './validation';
import { ZoneCreateInput, ZoneIdInput, ZONE_LABELS, ZoneListInput, ZoneSetActiveInput, ZoneUpdateInput, type Zone } from './domain/zone';

/**
 * The one contract between the renderer and the core. Each channel `domain.verb` has a zod
 * schema for its input (checked in the main process / host on every call: the renderer is
 * untrusted) and the type of its output. Electron IPC and the browser host serve exactly
 * these channels through the same dispatcher.
 */
interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Chinese labels for the input's fields, used in validation messages. */
  labels: Record<string, string>;
  /** Phantom: the output type. Never read at run time. */
  output: O;
  /** Whether the channel may run before the first-run wizard is completed. */
  beforeSetup?: boolean;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I, labels: Record<string, string> = {}, beforeSetup = false): ChannelDef<I, O> => ({
    input,
    labels,
    output: undefined as O,
    beforeSetup,
  });
}

const NoInput = z.strictObject({}).default({});
const IncludeInactive = z.strictObject({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false });

export const contract = {
  'app.info': channel<AppInfo>()(NoInput, {}, true),
  'settings.setup': channel<AppInfo>()(SetupInput, SETTINGS_LABELS, true),
  'settings.update': channel<AppInfo>()(SettingsUpdateInput, SETTINGS_LABELS),
  'zones.list': channel<Zone[]>()(ZoneListInput, ZONE_LABELS, true),
  'zones.get': channel<Zone>()(ZoneIdInput, ZONE_LABELS),
  'zones.create': channel<Zone>()(ZoneCreateInput, ZONE_LABELS),
  'zones.update': channel<Zone>()(ZoneUpdateInput, ZONE_LABELS),
  'zones.setActive': channel<Zone>()(ZoneSetActiveInput, ZONE_LABELS),
  'demo.load': channel<DemoSummary>()(NoInput),
  'demo.remove': channel<DemoSummary>()(NoInput),
  'audit.list': channel<AuditEntry[]>()(AuditListInput, { recordId: '记录编号', limit: '条数' }),
  'categories.list': channel<ResourceCategory[]>()(IncludeInactive, CATEGORY_LABELS),
  'categories.save': channel<ResourceCategory>()(CategorySaveInput, CATEGORY_LABELS),
  'resources.search': channel<ResourceSearchResult>()(ResourceSearchInput, RESOURCE_SEARCH_LABELS),
  'resources.get': channel<ResourceDetail>()(z.strictObject({ id: recordId }), RESOURCE_LABELS),
  'resources.create': channel<Resource>()(ResourceCreateInput, RESOURCE_LABELS),
  'resources.update': channel<Resource>()(ResourceUpdateInput, RESOURCE_LABELS),
  'resources.transition': channel<Resource>()(ResourceTransitionInput, RESOURCE_LABELS),
  'resources.bulkTransition': channel<BulkResult>()(ResourceBulkTransitionInput, RESOURCE_LABELS),
  'attachments.add': channel<Attachment>()(AttachmentAddInput, { recordKind: '记录类型', recordId: '记录', fileName: '文件名', dataBase64: '附件' }),
  'attachments.remove': channel<null>()(AttachmentIdInput, { id: '附件' }),
  'attachments.read': channel<AttachmentContent>()(AttachmentIdInput, { id: '附件' }),
  'requests.create': channel<SharingRequest>()(RequestCreateInput, REQUEST_LABELS),
  'requests.decide': channel<SharingRequest>()(RequestDecideInput, REQUEST_LABELS),
  'requests.cancel': channel<SharingRequest>()(RequestActInput, REQUEST_LABELS),
  'requests.complete': channel<SharingRequest>()(RequestActInput, REQUEST_LABELS),
  'requests.list': channel<SharingRequest[]>()(RequestListInput, REQUEST_LABELS),
  'requests.stats': channel<RequestStats>()(NoInput),
  'scenarioCategories.list': channel<ScenarioCategory[]>()(IncludeInactive, SCENARIO_CATEGORY_LABELS),
  'scenarioCategories.save': channel<ScenarioCategory>()(ScenarioCategorySaveInput, SCENARIO_CATEGORY_LABELS),
  'scenarios.search': channel<ScenarioSearchResult>()(ScenarioSearchInput, SCENARIO_SEARCH_LABELS),
  'scenarios.get': channel<ScenarioDetail>()(z.strictObject({ id: recordId }), SCENARIO_LABELS),
  'scenarios.create': channel<Scenario>()(ScenarioCreateInput, SCENARIO_LABELS),
  'scenarios.update': channel<Scenario>()(ScenarioUpdateInput, SCENARIO_LABELS),
  'scenarios.transition': channel<Scenario>()(ScenarioTransitionInput, SCENARIO_LABELS),
  'scenarios.matchResources': channel<ResourceMatch[]>()(MatchInput, MATCH_LABELS),
  'resources.matchScenarios': channel<ScenarioMatch[]>()(MatchInput, MATCH_LABELS),
  'applications.create': channel<ScenarioApplication>()(ApplicationCreateInput, APPLICATION_LABELS),
  'applications.transition': channel<ScenarioApplication>()(ApplicationTransitionInput, APPLICATION_LABELS),
  'applications.ranking': channel<ApplicationRanking>()(ApplicationListInput, APPLICATION_LABELS),
  'applications.score': channel<ApplicationRanking>()(ScoreSaveInput, APPLICATION_LABELS),
  'eventTypes.list': channel<EventType[]>()(IncludeInactive, EVENT_TYPE_LABELS),
  'eventTypes.save': channel<EventType>()(EventTypeSaveInput, EVENT_TYPE_LABELS),
  'events.list': channel<EventListResult>()(EventListInput, EVENT_LIST_LABELS),
  'events.get': channel<EventDetail>()(z.strictObject({ id: recordId }), EVENT_LABELS),
  'events.create': channel<AllianceEvent>()(EventCreateInput, EVENT_LABELS),
  'events.update': channel<AllianceEvent>()(EventUpdateInput, EVENT_LABELS),
  'events.transition': channel<AllianceEvent>()(EventTransitionInput, EVENT_LABELS),
  'events.saveOutcome': channel<AllianceEvent>()(EventOutcomeInput, EVENT_LABELS),
  'events.check': channel<EventWarning[]>()(EventCheckInput, EVENT_LABELS),
  'events.reminders': channel<EventReminder[]>()(NoInput),
  'events.exportIcs': channel<{ fileName: string; text: string; count: number }>()(EventExportInput, { ids: '活动', filter: '筛选条件' }),
  'events.importIcs': channel<EventImportPreview>()(EventImportInput, { text: '文件内容', typeId: '活动类型', commit: '确认导入' }),
  'events.roadshowDraft': channel<EventCreateInput>()(z.strictObject({ scenarioId: recordId }), { scenarioId: '场景清单' }),
  'registrations.list': channel<RegistrationList>()(RegistrationListInput, REGISTRATION_LABELS),
  'registrations.create': channel<Registration>()(RegistrationCreateInput, REGISTRATION_LABELS),
  'registrations.cancel': channel<CancelResult>()(RegistrationCancelInput, REGISTRATION_LABELS),
  'registrations.checkIn': channel<CheckInResult>()(CheckInInput, REGISTRATION_LABELS),
  'plans.get': channel<Plan>()(PlanYearInput, PLAN_LABELS),
  'plans.saveTargets': channel<Plan>()(PlanTargetsInput, PLAN_LABELS),
  'plans.copy': channel<Plan>()(PlanCopyInput, PLAN_LABELS),
  'plans.saveWorkItem': channel<WorkItem>()(WorkItemSaveInput, PLAN_LABELS),
  'plans.progress': channel<PlanProgress>()(PlanYearInput, PLAN_LABELS),
  'plans.records': channel<MetricRecord[]>()(MetricRecordsInput, PLAN_LABELS),
  'dashboard.get': channel<Dashboard>()(PlanYearInput, PLAN_LABELS),
  'indicators.defs': channel<IndicatorDef[]>()(IncludeInactive, INDICATOR_LABELS),
  'indicators.saveDef': channel<IndicatorDef>()(IndicatorDefSaveInput, INDICATOR_LABELS),
  'indicators.table': channel<IndicatorTable>()(IndicatorYearInput, INDICATOR_LABELS),
  'indicators.save': channel<IndicatorTable>()(IndicatorValuesSaveInput, INDICATOR_LABELS),
  'report.data': channel<AnnualReport>()(PlanYearInput, PLAN_LABELS),
  /** Answers with a promise (builds the file): call through dispatchAsync. */
  'report.export': channel<{ fileName: string; mime: string; dataBase64: string }>()(ReportExportInput, { ...PLAN_LABELS, format: '格式' }),
  'holidays.list': channel<{ entries: HolidayEntry[]; extra: HolidayEntry[] }>()(z.strictObject({ from: isoDate, to: isoDate }), { from: '开始日期', to: '结束日期' }),
  'holidays.save': channel<HolidayEntry[]>()(z.strictObject({ entries: z.array(z.unknown()).max(1000, { error: '最多 1000 条' }) }), { entries: '节假日安排', ...HOLIDAY_LABELS }),
  /** Excel round trips (issue 7). All answer with a promise (files are parsed and written on a worker): call through dispatchAsync. */
  'excel.template': channel<SheetFile>()(SheetTemplateInput, SHEET_LABELS),
  'excel.preview': channel<SheetPreview>()(SheetFileInput, SHEET_LABELS),
  'excel.commit': channel<SheetCommitResult>()(SheetCommitInput, SHEET_LABELS),
  'excel.errorWorkbook': channel<SheetFile>()(SheetErrorWorkbookInput, SHEET_LABELS),
  'excel.export': channel<SheetFile>()(SheetExportInput, SHEET_LABELS),
  'excel.progress': channel<SheetProgress | null>()(SheetProgressInput, SHEET_LABELS),
  'exchange.identity': channel<ExchangeIdentity>()(NoInput),
  'exchange.export': channel<SheetFile>()(NoInput),
  'exchange.preview': channel<ExchangeResult>()(ExchangeFileInput, EXCHANGE_LABELS),
  'exchange.apply': channel<ExchangeResult>()(ExchangeApplyInput, EXCHANGE_LABELS),
  'exchange.setFolder': channel<ExchangeIdentity>()(ExchangeFolderInput, EXCHANGE_LABELS),
  'exchange.sync': channel<SyncSummary>()(NoInput),
  'exchange.history': channel<ExchangePackageEntry[]>()(NoInput),
  'exchange.conflicts': channel<ExchangeConflict[]>()(NoInput),
  'exchange.resolve': channel<ExchangeConflict[]>()(ExchangeResolveInput, EXCHANGE_LABELS),
  'exchange.trustKey': channel<{ zoneName: string; fingerprint: string }>()(ExchangeKeyChangeInput, EXCHANGE_LABELS),
  // Before setup too: a new or damaged installation may start from a backup.
  'backups.overview': channel<BackupOverview>()(NoInput, {}, true),
  'backups.create': channel<BackupEntry>()(NoInput, {}, true),
  'backups.setFolder': channel<BackupOverview>()(BackupFolderInput, BACKUP_LABELS, true),
  'backups.restore': channel<RestoreResult>()(BackupIdInput, BACKUP_LABELS, true),
  'backups.exportWorkspace': channel<WorkspaceExport>()(WorkspaceExportInput, BACKUP_LABELS),
  'backups.openWorkspace': channel<RestoreResult>()(WorkspaceOpenInput, BACKUP_LABELS, true),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = Contract[C]['output'];

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The contract as JSON Schema, for `GET /api/contract`: the local API documents itself. */
export function describeContract(): Array<{ channel: ChannelName; input: unknown }> {
  return CHANNEL_NAMES.map((name) => ({
    channel: name,
    input: z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }),
  }));
}
