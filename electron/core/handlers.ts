import type Database from 'better-sqlite3';
import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { AppInfo, Installation } from '../../shared/domain/settings';
import { EventListInput } from '../../shared/domain/event';
import { AppError } from '../../shared/errors';
import { listAudit } from './audit';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { isDemoLoaded, loadDemo, removeDemo } from './demo/demo-service';
import type { Actor } from './records';
import { actorOf, completeSetup, readInstallation, updateInstallation } from './settings/settings-service';
import { addAttachment, readAttachment, removeAttachment } from './attachments/attachment-service';
import { listCategories, saveCategory } from './resources/category-service';
import { getResourceDetail } from './resources/resource-detail';
import { bulkTransition, createResource, transitionResource, updateResource } from './resources/resource-service';
import { searchResources } from './search/resource-search';
import { listRequests, requestStats } from './requests/request-list';
import { cancelRequest, completeRequest, createRequest, decideRequest } from './requests/request-service';
import { getEventDetail } from './events/event-detail';
import { exportIcs, importIcs } from './events/event-ics';
import { listEvents } from './events/event-list';
import { roadshowDraft } from './events/event-prefill';
import { upcomingReminders } from './events/event-reminders';
import { createEvent, saveOutcome, transitionEvent, updateEvent } from './events/event-service';
import { listEventTypes, saveEventType } from './events/event-type-service';
import { eventWarnings } from './events/event-warnings';
import { holidaysInRange, saveExtraHolidays } from './events/holiday-settings';
import { cancelRegistration, checkIn, createRegistration, listRegistrations } from './events/registration-service';
import { indicatorTable, listIndicatorDefs, saveIndicatorDef, saveIndicatorValues } from './indicators/indicator-service';
import { matchListingsForResource } from './matching/listing-matches';
import { annualReport } from './plan/annual-report';
import { dashboard } from './plan/dashboard';
import { figureRecords, planProgress } from './plan/plan-progress';
import { copyPlan, getPlan, saveTargets, saveWorkItem } from './plan/plan-service';
import { reportDocx, reportXlsx } from './plan/report-files';
import { matchResourcesForListing } from './matching/resource-matches';
import { applicationRanking, createApplication, saveScores, transitionApplication } from './scenarios/application-service';
import { listScenarioCategories, saveScenarioCategory } from './scenarios/scenario-category-service';
import { getScenarioDetail } from './scenarios/scenario-detail';
import { searchScenarios } from './scenarios/scenario-search';
import { createScenario, transitionScenario, updateScenario } from './scenarios/scenario-service';
import { sheetCommit, sheetErrorWorkbook, sheetExport, sheetPreview, sheetTemplate } from './excel/excel-service';
import { readProgress } from './excel/import-progress';
import { exportWorkspace, openWorkspace } from './backups/workspace-archive';
import { autoBackup, backupNow, backupOverview, restoreBackup, setBackupFolder, type Workspace } from './backups/backup-service';
import { ensureIdentity } from './exchange/exchange-store';
import { trustChangedKey } from './exchange/key-change';
import { resolveConflict } from './exchange/package-exchange';
import { applyPackageFile, exchangeConflicts, exchangeHistory, exchangeIdentity, exportPackageFile, previewPackageFile, setExchangeFolder, syncFolder } from './exchange/exchange-service';
import { selectZone } from './zones/zone-queries';
import { createZone, getZone, listZones, setZoneActive, updateZone } from './zones/zone-service';

export interface HandlerContext {
  db: Database.Database;
  dataDir: string;
  appVersion: string;
  installation: Installation | null;
  /** Set for every channel not marked `beforeSetup` (the dispatcher refuses those before setup). */
  actor: Actor;
  workspace: Workspace;
}

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>, ctx: HandlerContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** Every channel's implementation. A channel missing here is a compile error. */
export const handlers: Handlers = {
  'app.info': (_input, ctx) => appInfo(ctx.db, ctx),
  'settings.setup': (input, ctx) =>
    ctx.db.transaction(() => {
      const installation = completeSetup(ctx.db, input);
      ensureIdentity(ctx.db, installation.zoneId); // the key pair the exchange signs with, made once
      const actor = actorOf(ctx.db, installation);
      if (input.loadDemo && actor) loadDemo(ctx.db, actor);
      return appInfo(ctx.db, ctx);
    })(),
  'settings.update': (input, ctx) => {
    updateInstallation(ctx.db, input);
    return appInfo(ctx.db, ctx);
  },
  'zones.list': (input, ctx) => listZones(ctx.db, input),
  'zones.get': (input, ctx) => getZone(ctx.db, input.id),
  'zones.create': (input, ctx) => createZone(ctx.db, ctx.actor, input),
  'zones.update': (input, ctx) => updateZone(ctx.db, ctx.actor, input),
  'zones.setActive': (input, ctx) => setZoneActive(ctx.db, ctx.actor, input),
  'demo.load': (_input, ctx) => loadDemo(ctx.db, ctx.actor),
  'demo.remove': (_input, ctx) => removeDemo(ctx.db, ctx.actor),
  'audit.list': (input, ctx) => {
    if (input.recordId === undefined && ctx.actor.role !== 'secretariat') {
      throw new AppError('FORBIDDEN', '只有秘书长单位可以查看全部操作记录。');
    }
    return listAudit(ctx.db, input);
  },
  'categories.list': (input, ctx) => listCategories(ctx.db, input.includeInactive),
  'categories.save': (input, ctx) => saveCategory(ctx.db, ctx.actor, input),
  'resources.search': (input, ctx) => searchResources(ctx.db, input, { role: ctx.actor.role, zoneId: ctx.actor.zoneId }),
  'resources.get': (input, ctx) => getResourceDetail(ctx.db, ctx.actor, input.id),
  'resources.create': (input, ctx) => createResource(ctx.db, ctx.actor, input),
  'resources.update': (input, ctx) => updateResource(ctx.db, ctx.actor, input),
  'resources.transition': (input, ctx) => transitionResource(ctx.db, ctx.actor, input),
  'resources.bulkTransition': (input, ctx) => bulkTransition(ctx.db, ctx.actor, input),
  'attachments.add': (input, ctx) => addAttachment(ctx.db, ctx.actor, ctx.dataDir, input),
  'attachments.remove': (input, ctx) => (removeAttachment(ctx.db, ctx.actor, input.id), null),
  'attachments.read': (input, ctx) => readAttachment(ctx.db, ctx.actor, ctx.dataDir, input.id),
  'requests.create': (input, ctx) => createRequest(ctx.db, ctx.actor, input),
  'requests.decide': (input, ctx) => decideRequest(ctx.db, ctx.actor, input),
  'requests.cancel': (input, ctx) => cancelRequest(ctx.db, ctx.actor, input),
  'requests.complete': (input, ctx) => completeRequest(ctx.db, ctx.actor, input),
  'requests.list': (input, ctx) => listRequests(ctx.db, ctx.actor, input),
  'requests.stats': (_input, ctx) => requestStats(ctx.db),
  'scenarioCategories.list': (input, ctx) => listScenarioCategories(ctx.db, input.includeInactive),
  'scenarioCategories.save': (input, ctx) => saveScenarioCategory(ctx.db, ctx.actor, input),
  'scenarios.search': (input, ctx) => searchScenarios(ctx.db, ctx.actor, input),
  'scenarios.get': (input, ctx) => getScenarioDetail(ctx.db, ctx.actor, input.id),
  'scenarios.create': (input, ctx) => createScenario(ctx.db, ctx.actor, input),
  'scenarios.update': (input, ctx) => updateScenario(ctx.db, ctx.actor, input),
  'scenarios.transition': (input, ctx) => transitionScenario(ctx.db, ctx.actor, input),
  'scenarios.matchResources': (input, ctx) => matchResourcesForListing(ctx.db, ctx.actor, input.id, input.limit),
  'resources.matchScenarios': (input, ctx) => matchListingsForResource(ctx.db, ctx.actor, input.id, input.limit),
  'applications.create': (input, ctx) => createApplication(ctx.db, ctx.actor, input),
  'applications.transition': (input, ctx) => transitionApplication(ctx.db, ctx.actor, input),
  'applications.ranking': (input, ctx) => applicationRanking(ctx.db, ctx.actor, input.scenarioId),
  'applications.score': (input, ctx) => saveScores(ctx.db, ctx.actor, input),
  'eventTypes.list': (input, ctx) => listEventTypes(ctx.db, input.includeInactive),
  'eventTypes.save': (input, ctx) => saveEventType(ctx.db, ctx.actor, input),
  'events.list': (input, ctx) => listEvents(ctx.db, input),
  'events.get': (input, ctx) => getEventDetail(ctx.db, ctx.actor, input.id),
  'events.create': (input, ctx) => createEvent(ctx.db, ctx.actor, input),
  'events.update': (input, ctx) => updateEvent(ctx.db, ctx.actor, input),
  'events.transition': (input, ctx) => transitionEvent(ctx.db, ctx.actor, input),
  'events.saveOutcome': (input, ctx) => saveOutcome(ctx.db, ctx.actor, input),
  'events.check': (input, ctx) => eventWarnings(ctx.db, ctx.actor, input),
  'events.reminders': (_input, ctx) => upcomingReminders(ctx.db),
  'events.exportIcs': (input, ctx) => exportIcs(ctx.db, input.ids.length > 0 ? input.ids : listEvents(ctx.db, EventListInput.parse(input.filter ?? {})).items.map((e) => e.id), '东北高新区联盟创新活动'),
  'events.importIcs': (input, ctx) => importIcs(ctx.db, ctx.actor, input),
  'events.roadshowDraft': (input, ctx) => roadshowDraft(ctx.db, ctx.actor, input.scenarioId),
  'registrations.list': (input, ctx) => listRegistrations(ctx.db, ctx.actor, input.eventId),
  'registrations.create': (input, ctx) => createRegistration(ctx.db, ctx.actor, input),
  'registrations.cancel': (input, ctx) => cancelRegistration(ctx.db, ctx.actor, input),
  'registrations.checkIn': (input, ctx) => checkIn(ctx.db, ctx.actor, input),
  'plans.get': (input, ctx) => getPlan(ctx.db, input.year),
  'plans.saveTargets': (input, ctx) => saveTargets(ctx.db, ctx.actor, input),
  'plans.copy': (input, ctx) => copyPlan(ctx.db, ctx.actor, input),
  'plans.saveWorkItem': (input, ctx) => saveWorkItem(ctx.db, ctx.actor, input),
  'plans.progress': (input, ctx) => planProgress(ctx.db, input.year),
  'plans.records': (input, ctx) => figureRecords(ctx.db, input),
  'dashboard.get': (input, ctx) => dashboard(ctx.db, ctx.actor, input.year),
  'indicators.defs': (input, ctx) => listIndicatorDefs(ctx.db, input.includeInactive),
  'indicators.saveDef': (input, ctx) => saveIndicatorDef(ctx.db, ctx.actor, input),
  'indicators.table': (input, ctx) => indicatorTable(ctx.db, input.year),
  'indicators.save': (input, ctx) => saveIndicatorValues(ctx.db, ctx.actor, input),
  'report.data': (input, ctx) => annualReport(ctx.db, ctx.actor, input.year),
  'report.export': async (input, ctx) => {
    // All reads first (one synchronous snapshot), then the file is packed without the database.
    const report = annualReport(ctx.db, ctx.actor, input.year);
    const bytes = input.format === 'xlsx' ? await reportXlsx(report) : await reportDocx(report);
    const mime = input.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return { fileName: `联盟${input.year}年度工作报告.${input.format}`, mime, dataBase64: bytes.toString('base64') };
  },
  'holidays.list': (input, ctx) => holidaysInRange(ctx.db, input.from, input.to),
  'holidays.save': (input, ctx) => saveExtraHolidays(ctx.db, ctx.actor, input.entries),
  'excel.template': (input, ctx) => sheetTemplate(ctx.db, input),
  'excel.preview': (input, ctx) => sheetPreview(ctx.db, input),
  'excel.commit': (input, ctx) => {
    autoBackup(ctx.workspace, 'before-import'); // a failed backup is not a reason to refuse the import; the overview shows it
    return sheetCommit(ctx.db, input);
  },
  'excel.errorWorkbook': (input, ctx) => sheetErrorWorkbook(ctx.db, input),
  'excel.export': (input, ctx) => sheetExport(ctx.db, input),
  'excel.progress': (input) => readProgress(input.taskId),
  'exchange.identity': (_input, ctx) => exchangeIdentity(ctx.db),
  'exchange.export': (_input, ctx) => exportPackageFile(ctx.db, ctx.dataDir),
  'exchange.preview': (input, ctx) => previewPackageFile(ctx.db, ctx.dataDir, input),
  'exchange.apply': (input, ctx) => {
    autoBackup(ctx.workspace, 'before-exchange');
    return applyPackageFile(ctx.db, ctx.dataDir, input);
  },
  'exchange.setFolder': (input, ctx) => setExchangeFolder(ctx.db, input),
  'exchange.sync': (_input, ctx) => {
    autoBackup(ctx.workspace, 'before-exchange');
    return syncFolder(ctx.db, ctx.dataDir);
  },
  'backups.overview': (_input, ctx) => backupOverview(ctx.workspace),
  'backups.create': (_input, ctx) => backupNow(ctx.workspace, 'manual'),
  'backups.setFolder': (input, ctx) => setBackupFolder(ctx.workspace, input),
  'backups.restore': (input, ctx) => restoreBackup(ctx.workspace, input.id),
  'backups.exportWorkspace': (input, ctx) => exportWorkspace(ctx.workspace, input.folder),
  'backups.openWorkspace': (input, ctx) => openWorkspace(ctx.workspace, input.path),
  'exchange.history': (_input, ctx) => exchangeHistory(ctx.db),
  'exchange.conflicts': (_input, ctx) => exchangeConflicts(ctx.db),
  'exchange.resolve': (input, ctx) => {
    resolveConflict(ctx.db, ctx.actor, input);
    return exchangeConflicts(ctx.db);
  },
  'exchange.trustKey': (input, ctx) => trustChangedKey(ctx.db, ctx.actor, input),
};

function appInfo(db: Database.Database, ctx: Pick<HandlerContext, 'dataDir' | 'appVersion'> & { workspace?: Workspace }): AppInfo {
  const damaged = ctx.workspace?.damaged ?? null;
  // A damaged file may not answer these: the header then shows what it can.
  const readable = <T>(read: () => T, fallback: T): T => {
    if (!damaged) return read();
    try {
      return read();
    } catch {
      return fallback;
    }
  };
  const installation = readable(() => readInstallation(db), null);
  return {
    appVersion: ctx.appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    dataDir: ctx.dataDir,
    installation,
    zoneName: installation ? readable(() => selectZone(db, installation.zoneId)?.short_name ?? null, null) : null,
    demoLoaded: readable(() => isDemoLoaded(db), false),
    damaged,
  };
}
