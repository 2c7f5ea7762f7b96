import type Database from 'better-sqlite3';
import { newMetaRow } from '../../electron/core/records';
import { scenarioText, type ScenarioRow } from '../../electron/core/scenarios/scenario-queries';
import { rebuildTextIndex } from '../../electron/core/search/text-index';
import type { ScenarioStatus } from '../../shared/domain/scenario';
import { addDays, daysFromTo } from '../../shared/shanghai-date';
import type { GeneratedScenario } from '../generate/types';
import { SCENARIO_CATEGORIES } from '../generate/vocab/scenario-needs';
import { timeSync } from './timing';

/**
 * The generated listings (bench/generate/scenarios.ts) put into a real core's `scenarios`
 * table, row for row what createScenario writes (same columns, same JSON shapes), in one
 * transaction, then the 'scenario' text index rebuilt once — 5k createScenario calls would
 * each pay for an audit row, a re-read and a one-row FTS5 insert.
 *
 * What differs from the service path, on purpose: the generated statuses are written
 * directly (a real listing gets there by transitions, which also bump `version` and write
 * audit rows; here version stays 1 and there is no audit), `published_at` (and `matched_at`
 * of matched/accepted listings) is the creation time, and matched/accepted listings have no
 * selected application (matched_application_id NULL): the generator makes no applications.
 */

/** Generated category (bench vocabulary) → the app's default scenario category code (migration 003). */
export const SCENARIO_CATEGORY_CODES: Readonly<Record<string, string>> = {
  智能制造: 'manufacturing',
  工业互联网: 'manufacturing', // its field words include 工业互联网
  智慧农业: 'agri-food',
  新能源: 'energy-carbon',
  生物医药: 'biomedicine',
  数字政务: 'digital-ai', // 政务数据、智能审批: the only generated field that lands in 数字经济与人工智能
  冰雪经济: 'ice-snow',
  低空经济: 'low-altitude',
  智慧城市: 'smart-city',
  智慧医疗: 'biomedicine', // 医疗器械, 临床
  绿色低碳: 'energy-carbon',
  新材料应用: 'materials',
};

/** Generated status → the app's lifecycle state. */
export const SCENARIO_STATUS_MAP: Readonly<Record<GeneratedScenario['status'], ScenarioStatus>> = {
  open: 'published',
  matched: 'matched',
  closed: 'accepted',
};

/** The generator's "now": its newest listing is created on this day (see rebaseTo). */
export const GENERATED_AS_OF = '2026-03-01';

export interface LoadScenariosOptions {
  /** created_by / updated_by, as an Actor label would read. */
  actorLabel?: string;
  /**
   * Moves every date (creation, deadline, the deadline in the description) by the days from GENERATED_AS_OF to this date
   * (YYYY-MM-DD), so deadline windows (closing soon, open, closed) hold the same share of
   * listings whatever day the bench or test runs. Omitted: the generated 2026 dates as is.
   */
  rebaseTo?: string;
}

export interface LoadedScenarios {
  inserted: number;
  indexed: number;
  insertMs: number;
  indexMs: number;
}

type NewScenarioRow = Omit<ScenarioRow, 'seq'> & { seq: number };

export function loadScenarios(db: Database.Database, scenarios: readonly GeneratedScenario[], options: LoadScenariosOptions = {}): LoadedScenarios {
  const categories = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM scenario_categories WHERE deleted_at IS NULL').all().map((c) => [c.code, c.id]));
  const zones = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM zones WHERE deleted_at IS NULL').all().map((z) => [z.code, z.id]));
  const shift = options.rebaseTo ? daysFromTo(GENERATED_AS_OF, options.rebaseTo) : 0;
  const label = options.actorLabel ?? 'bench';
  // Generated seqs start at 1; after any rows already there (demo listings, earlier loads).
  const seqBase = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM scenarios').pluck().get() ?? 0;
  const rows = scenarios.map((g) => toScenarioRow(g, { categories, zones, shift, label, seqBase }));
  const insert = rows.length > 0 ? db.prepare(`INSERT INTO scenarios (${Object.keys(rows[0]!).join(', ')}) VALUES (${Object.keys(rows[0]!).map((c) => '@' + c).join(', ')})`) : null;
  const inserted = timeSync(() => db.transaction(() => rows.forEach((row) => insert!.run(row)))());
  const page = db.prepare<[number, number], Pick<ScenarioRow, 'seq' | 'title' | 'demand_organisation' | 'description' | 'requirements' | 'expected_outcome' | 'tags'>>(
    'SELECT seq, title, demand_organisation, description, requirements, expected_outcome, tags FROM scenarios WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const indexed = timeSync(() =>
    rebuildTextIndex(db, 'scenario', (after, limit) =>
      page.all(after, limit).map((r) => ({
        seq: r.seq,
        // Exactly the text createScenario / updateScenario index (scenarioText).
        ...scenarioText({ title: r.title, demandOrganisation: r.demand_organisation, description: r.description, requirements: r.requirements, expectedOutcome: r.expected_outcome, tags: JSON.parse(r.tags) as string[] }),
      })),
    ),
  );
  return { inserted: rows.length, indexed: indexed.value, insertMs: inserted.ms, indexMs: indexed.ms };
}

interface RowContext {
  categories: Map<string, string>;
  zones: Map<string, string>;
  shift: number;
  label: string;
  seqBase: number;
}

function toScenarioRow(g: GeneratedScenario, ctx: RowContext): NewScenarioRow {
  const code = SCENARIO_CATEGORY_CODES[g.category];
  const categoryId = code === undefined ? undefined : ctx.categories.get(code);
  if (!categoryId) throw new Error(`scenario #${g.seq}: no app category for「${g.category}」`);
  const zoneId = ctx.zones.get(g.ownerZoneCode);
  if (!zoneId) throw new Error(`scenario #${g.seq}: no zone ${g.ownerZoneCode}`);
  const createdAt = ctx.shift === 0 ? g.createdAt : new Date(Date.parse(g.createdAt) + ctx.shift * 86_400_000).toISOString();
  const meta = newMetaRow({ label: ctx.label, zoneId, role: null }, zoneId);
  const status = SCENARIO_STATUS_MAP[g.status];
  const deadline = ctx.shift === 0 ? g.deadline : addDays(g.deadline, ctx.shift);
  return {
    ...meta,
    seq: ctx.seqBase + g.seq,
    owner_zone_id: zoneId,
    id: g.id || meta.id,
    created_at: createdAt,
    updated_at: createdAt,
    category_id: categoryId,
    kind: g.kind,
    title: g.title,
    demand_organisation: g.organisation,
    // The text ends with 截止日期 / 有效期至 and the deadline: moved with it.
    description: ctx.shift === 0 ? g.description : g.description.replaceAll(g.deadline, deadline),
    requirements: '',
    expected_outcome: '',
    budget_min_wan: null,
    budget_max_wan: g.kind === 'opportunity' ? g.budgetWan : null,
    reward_wan: g.kind === 'challenge' ? g.budgetWan : null,
    period_start: '',
    period_end: '',
    deadline,
    contact_person: g.contactPerson,
    contact_phone: g.contactPhone,
    contact_email: '',
    tags: JSON.stringify(scenarioTags(g)),
    criteria: '[]',
    status,
    cancel_reason: '',
    published_at: createdAt,
    matched_application_id: null,
    // As migration 005 backfills it: the last update of a matched (or later) listing.
    matched_at: status === 'published' ? null : createdAt,
  };
}

// Title words that are the generator's templates, not the need: 应用场景, 揭榜挂帅, 技术难题…
const BOILERPLATE = /应用场景|场景机会|场景$|关键技术攻关|揭榜挂帅|技术难题|技术需求榜单|整体解决方案|技术服务能力/g;
const SEPARATORS = /[\s“”"‘’'：:，,、；;（）()《》]+/;
// Words too general to be a listing's keyword (they would tie it to half the registry).
const GENERIC = new Set(['应用', '建设', '管理', '服务', '改造', '平台', '利用', '评价', '研究', '示范', '运营', '分析', '监测', '识别', '智能', '技术', '综合', '系统', '方案', '智慧']);
const NEEDS = SCENARIO_CATEGORIES.flatMap((c) => c.needs.map((need) => ({ category: c.name, need })));
const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * 1–3 tags for a generated listing, from its need (the vocabulary phrase its title was built
 * on, found again in the title) or, failing that, from the title without its template words.
 * A piece between spaces and punctuation of 2–6 characters is a tag as is; a longer one is
 * cut into words (ICU's dictionary segmentation, Intl.Segmenter — fixed for a Node version)
 * and its words of 2–6 characters, less a few generic ones (应用, 平台…), are the tags.
 */
export function scenarioTags(g: Pick<GeneratedScenario, 'title' | 'category'>): string[] {
  const need = NEEDS.find((n) => n.category === g.category && g.title.includes(n.need))?.need ?? NEEDS.find((n) => g.title.includes(n.need))?.need;
  const source = need ?? g.title.replace(BOILERPLATE, ' ');
  const usable = (word: string) => {
    const length = Array.from(word).length;
    return length >= 2 && length <= 6 && !/^\d+$/.test(word) && !GENERIC.has(word);
  };
  const tags: string[] = [];
  for (const piece of source.split(SEPARATORS)) {
    if (usable(piece)) tags.push(piece);
    else for (const w of WORDS.segment(piece)) if (w.isWordLike && usable(w.segment)) tags.push(w.segment);
  }
  const unique = [...new Set(tags)].slice(0, 3);
  return unique.length > 0 ? unique : [Array.from(g.category).slice(0, 6).join('')];
}
