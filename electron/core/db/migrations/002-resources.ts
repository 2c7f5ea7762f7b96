import { newMetaRow, SYSTEM_ACTOR } from '../../records';
import type { Migration } from '../migration';

/** The default categories of part "1"; the secretariat can rename, add or deactivate them. */
const DEFAULT_CATEGORIES = [
  ['instrument', '大型科研仪器设备', 'instrument'],
  ['platform', '研发与检测平台/实验室', 'platform'],
  ['pilot', '中试基地与概念验证中心', 'pilot'],
  ['incubator', '孵化载体与空间', 'incubator'],
  ['expert', '专家与人才团队', 'expert'],
  ['patent', '专利与技术成果', 'patent'],
  ['data', '数据资源', 'data'],
  ['service', '科技服务', 'service'],
] as const;

const META_COLUMNS = `
  owner_zone_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))`;

/** Part "1": resource categories, resources, attachments, the search index and sharing requests. */
export const migration002: Migration = {
  version: 2,
  name: 'resources',
  up: (db) => {
    db.exec(`
      CREATE TABLE resource_categories (
        id TEXT PRIMARY KEY,${META_COLUMNS},
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        field_set TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 100,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX resource_categories_code ON resource_categories(code) WHERE deleted_at IS NULL;

      -- seq: a stable integer key (an explicit INTEGER PRIMARY KEY survives VACUUM) for the search index.
      CREATE TABLE resources (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,${META_COLUMNS},
        category_id TEXT NOT NULL REFERENCES resource_categories(id),
        title TEXT NOT NULL,
        organisation TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        sharing_mode TEXT NOT NULL CHECK (sharing_mode IN ('free', 'paid', 'negotiable')),
        fee_standard TEXT NOT NULL DEFAULT '',
        fee_amount REAL,
        contact_person TEXT NOT NULL,
        contact_phone TEXT NOT NULL DEFAULT '',
        contact_email TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        extra TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'published', 'archived')),
        review_comment TEXT NOT NULL DEFAULT '',
        submitted_at TEXT,
        published_at TEXT,
        -- Copied out of extra for facets and sorting.
        instrument_state TEXT,
        original_value REAL,
        booking_mode TEXT,
        FOREIGN KEY (owner_zone_id) REFERENCES zones(id)
      ) STRICT;
      CREATE INDEX resources_owner_status ON resources(owner_zone_id, status);
      CREATE INDEX resources_status ON resources(status, updated_at);

      CREATE TABLE resource_attachments (
        id TEXT PRIMARY KEY,
        resource_id TEXT NOT NULL REFERENCES resources(id),
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX resource_attachments_resource ON resource_attachments(resource_id);

      -- Search: every unigram and bigram of the searchable text (as hex tokens), rowid = resources.seq.
      CREATE VIRTUAL TABLE resource_grams USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='unicode61');
      -- The normalized text the grams came from, to verify candidates of longer queries exactly.
      CREATE TABLE resource_haystack (
        seq INTEGER PRIMARY KEY REFERENCES resources(seq),
        text TEXT NOT NULL,
        -- The title's pinyin, computed once at index time, so sorting by title needs no collator.
        title_key TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE sharing_requests (
        id TEXT PRIMARY KEY,${META_COLUMNS},
        resource_id TEXT NOT NULL REFERENCES resources(id),
        requester_zone_id TEXT NOT NULL REFERENCES zones(id),
        organisation TEXT NOT NULL,
        contact_person TEXT NOT NULL,
        contact_phone TEXT NOT NULL DEFAULT '',
        contact_email TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL,
        slot_start TEXT,
        slot_end TEXT,
        sample_description TEXT NOT NULL DEFAULT '',
        sample_quantity INTEGER,
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'cancelled', 'completed')),
        decision_note TEXT NOT NULL DEFAULT '',
        decided_at TEXT,
        decided_by TEXT NOT NULL DEFAULT '',
        CHECK (slot_start IS NULL OR slot_end > slot_start)
      ) STRICT;
      CREATE INDEX sharing_requests_resource ON sharing_requests(resource_id, status, slot_start);
      CREATE INDEX sharing_requests_requester ON sharing_requests(requester_zone_id, status);
    `);
    const insert = db.prepare(`
      INSERT INTO resource_categories (id, owner_zone_id, created_at, updated_at, created_by, updated_by, version, deleted_at, is_demo, code, name, field_set, sort_order, active)
      VALUES (@id, NULL, @created_at, @updated_at, @created_by, @updated_by, 1, NULL, 0, @code, @name, @field_set, @sort_order, 1)`);
    DEFAULT_CATEGORIES.forEach(([code, name, fieldSet], index) => {
      const meta = newMetaRow({ ...SYSTEM_ACTOR, label: '系统（默认类别）' }, null);
      insert.run({ ...meta, code, name, field_set: fieldSet, sort_order: (index + 1) * 10 });
    });
  },
};
