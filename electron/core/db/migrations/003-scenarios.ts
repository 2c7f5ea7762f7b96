import type { Migration } from '../migration';
import { META_COLUMNS, seedList } from './schema-parts';

/** The default X: the alliance's scenario categories, each with the words that mark its field. */
const DEFAULT_SCENARIO_CATEGORIES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['manufacturing', '智能制造', ['智能制造', '机器人', '数控', '数字孪生', '视觉检测', '自动化', '工业互联网', '焊接', '装备']],
  ['materials', '新材料', ['新材料', '稀土', '永磁', '石墨', '石墨烯', '碳纤维', '合金', '复合材料', '陶瓷', '镁', '材料']],
  ['biomedicine', '生物医药', ['生物', '医药', '药物', '疫苗', '医疗器械', '基因', '细胞', '中药', '人参', '临床']],
  ['digital-ai', '数字经济与人工智能', ['人工智能', '大模型', '大数据', '算法', '软件', '云计算', '算力', '数据', '区块链']],
  ['low-altitude', '低空经济', ['无人机', '低空', '航空', '飞行', '通用航空']],
  ['ice-snow', '冰雪经济与文旅', ['冰雪', '滑雪', '造雪', '寒地', '文旅', '旅游']],
  ['agri-food', '现代农业与食品', ['农业', '大豆', '水稻', '玉米', '食品', '黑土', '育种', '畜牧', '奶牛', '冷链']],
  ['energy-carbon', '能源与双碳', ['能源', '氢', '储能', '光伏', '风电', '碳排放', '节能', '电池', '余热', '低碳']],
  ['smart-city', '智慧城市', ['城市', '交通', '停车', '供热', '政务', '安防', '物联网', '管网']],
];


/**
 * Part "X": scenario categories, listings (with their own search index, same engine as the
 * registry), applications and reviewers' scores. Attachments move to one table for every
 * kind of record (resources, listings, applications) — the resource rows are copied over.
 */
export const migration003: Migration = {
  version: 3,
  name: 'scenarios',
  up: (db) => {
    db.exec(`
      CREATE TABLE scenario_categories (
        id TEXT PRIMARY KEY,${META_COLUMNS},
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        keywords TEXT NOT NULL DEFAULT '[]',
        sort_order INTEGER NOT NULL DEFAULT 100,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX scenario_categories_code ON scenario_categories(code) WHERE deleted_at IS NULL;

      CREATE TABLE scenarios (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,${META_COLUMNS},
        category_id TEXT NOT NULL REFERENCES scenario_categories(id),
        kind TEXT NOT NULL CHECK (kind IN ('opportunity', 'challenge', 'capability')),
        title TEXT NOT NULL,
        demand_organisation TEXT NOT NULL,
        description TEXT NOT NULL,
        requirements TEXT NOT NULL DEFAULT '',
        expected_outcome TEXT NOT NULL DEFAULT '',
        budget_min_wan REAL,
        budget_max_wan REAL,
        reward_wan REAL,
        period_start TEXT NOT NULL DEFAULT '',
        period_end TEXT NOT NULL DEFAULT '',
        deadline TEXT NOT NULL DEFAULT '',
        contact_person TEXT NOT NULL,
        contact_phone TEXT NOT NULL DEFAULT '',
        contact_email TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        criteria TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'evaluating', 'matched', 'implementing', 'accepted', 'cancelled')),
        cancel_reason TEXT NOT NULL DEFAULT '',
        published_at TEXT,
        matched_application_id TEXT,
        CHECK (budget_min_wan IS NULL OR budget_max_wan IS NULL OR budget_min_wan <= budget_max_wan)
      ) STRICT;
      CREATE INDEX scenarios_status_deadline ON scenarios(status, deadline);
      CREATE INDEX scenarios_owner_status ON scenarios(owner_zone_id, status);
      CREATE INDEX scenarios_category ON scenarios(category_id);
      -- Covers the list's one narrow read (filters, facets, sort) without touching the wide rows.
      CREATE INDEX scenarios_list ON scenarios(status, deadline, category_id, kind, owner_zone_id, updated_at, deleted_at) WHERE deleted_at IS NULL;

      -- The registry's search engine, a second index: same tokens, rowid = scenarios.seq.
      CREATE VIRTUAL TABLE scenario_grams USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='unicode61');
      CREATE TABLE scenario_haystack (
        seq INTEGER PRIMARY KEY REFERENCES scenarios(seq),
        text TEXT NOT NULL,
        title_key TEXT NOT NULL DEFAULT ''
      ) STRICT;

      -- owner_zone_id: the applicant's zone.
      CREATE TABLE scenario_applications (
        id TEXT PRIMARY KEY,${META_COLUMNS},
        scenario_id TEXT NOT NULL REFERENCES scenarios(id),
        organisation TEXT NOT NULL,
        organisation_type TEXT NOT NULL CHECK (organisation_type IN ('enterprise', 'university', 'institute', 'other')),
        proposal_summary TEXT NOT NULL,
        team TEXT NOT NULL DEFAULT '',
        prior_results TEXT NOT NULL DEFAULT '',
        contact_person TEXT NOT NULL,
        contact_phone TEXT NOT NULL DEFAULT '',
        contact_email TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('submitted', 'shortlisted', 'selected', 'rejected', 'withdrawn')),
        decision_note TEXT NOT NULL DEFAULT '',
        decided_at TEXT,
        decided_by TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX scenario_applications_scenario ON scenario_applications(scenario_id, status);
      -- One application per organisation and listing (withdrawn ones may be re-entered).
      CREATE UNIQUE INDEX scenario_applications_once ON scenario_applications(scenario_id, organisation) WHERE deleted_at IS NULL AND status <> 'withdrawn';

      CREATE TABLE application_scores (
        application_id TEXT NOT NULL REFERENCES scenario_applications(id),
        reviewer TEXT NOT NULL,
        scores TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (application_id, reviewer)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        record_kind TEXT NOT NULL CHECK (record_kind IN ('resource', 'scenario', 'application', 'event')),
        record_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX attachments_record ON attachments(record_kind, record_id);
      INSERT INTO attachments (id, record_kind, record_id, file_name, mime, size, sha256, created_at, created_by, deleted_at)
        SELECT id, 'resource', resource_id, file_name, mime, size, sha256, created_at, created_by, deleted_at FROM resource_attachments;
      DROP TABLE resource_attachments;
    `);
    seedList(db, 'scenario_categories', '系统（默认类别）', DEFAULT_SCENARIO_CATEGORIES.map(([code, name, keywords]) => ({ code, name, keywords: JSON.stringify(keywords) })));
  },
};
