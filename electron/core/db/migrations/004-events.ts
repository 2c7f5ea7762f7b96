import type { Migration } from '../migration';
import { META_COLUMNS, seedList } from './schema-parts';

/** The default event types; the secretariat can rename, recolour, add or deactivate them. */
const DEFAULT_EVENT_TYPES: ReadonlyArray<readonly [string, string, string]> = [
  ['seminar', '研讨会/座谈会', '#1677ff'],
  ['roadshow', '项目路演', '#fa541c'],
  ['matchmaking', '供需对接会', '#13c2c2'],
  ['training', '培训', '#52c41a'],
  ['contest', '创新创业大赛', '#eb2f96'],
  ['forum', '论坛', '#722ed1'],
  ['visit', '参观考察', '#faad14'],
  ['meeting', '联盟会议', '#2f54eb'],
];


/**
 * Part "N": event types, events (with their own text index), registrations with check-in.
 * Times are stored as Asia/Shanghai wall time with the offset (…+08:00), so they sort and
 * compare as text.
 */
export const migration004: Migration = {
  version: 4,
  name: 'events',
  up: (db) => {
    db.exec(`
      CREATE TABLE event_types (
        id TEXT PRIMARY KEY,${META_COLUMNS},
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        color TEXT NOT NULL DEFAULT '#1677ff',
        sort_order INTEGER NOT NULL DEFAULT 100,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX event_types_code ON event_types(code) WHERE deleted_at IS NULL;

      -- owner_zone_id: the host zone.
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,${META_COLUMNS},
        type_id TEXT NOT NULL REFERENCES event_types(id),
        title TEXT NOT NULL,
        co_host_zone_ids TEXT NOT NULL DEFAULT '[]',
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
        venue TEXT NOT NULL DEFAULT '',
        online_url TEXT NOT NULL DEFAULT '',
        capacity INTEGER,
        registration_deadline TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        agenda TEXT NOT NULL DEFAULT '[]',
        linked_scenario_ids TEXT NOT NULL DEFAULT '[]',
        linked_resource_ids TEXT NOT NULL DEFAULT '[]',
        contact_person TEXT NOT NULL DEFAULT '',
        contact_phone TEXT NOT NULL DEFAULT '',
        contact_email TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('planned', 'published', 'postponed', 'held', 'summarised', 'cancelled')),
        status_reason TEXT NOT NULL DEFAULT '',
        sequence INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL DEFAULT '{"agreements":[],"projectsMatched":[],"notes":""}',
        CHECK (end_at > start_at),
        CHECK (capacity IS NULL OR capacity > 0)
      ) STRICT;
      CREATE INDEX events_start ON events(start_at);
      CREATE INDEX events_owner_start ON events(owner_zone_id, start_at);

      CREATE VIRTUAL TABLE event_grams USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='unicode61');
      CREATE TABLE event_haystack (
        seq INTEGER PRIMARY KEY REFERENCES events(seq),
        text TEXT NOT NULL,
        title_key TEXT NOT NULL DEFAULT ''
      ) STRICT;

      -- owner_zone_id: the participant's zone, if any.
      CREATE TABLE event_registrations (
        id TEXT PRIMARY KEY,${META_COLUMNS},
        event_id TEXT NOT NULL REFERENCES events(id),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        initials TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
        checked_in_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX event_registrations_code ON event_registrations(event_id, code);
      -- One live registration per phone number and event.
      CREATE UNIQUE INDEX event_registrations_phone ON event_registrations(event_id, phone) WHERE status <> 'cancelled' AND deleted_at IS NULL;
      CREATE INDEX event_registrations_event ON event_registrations(event_id, status, created_at);
    `);
    seedList(db, 'event_types', '系统（默认类型）', DEFAULT_EVENT_TYPES.map(([code, name, color]) => ({ code, name, color })));
  },
};
