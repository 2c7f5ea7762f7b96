import type Database from 'better-sqlite3';
import { newMetaRow, SYSTEM_ACTOR } from '../records';
import { readSetting, writeSetting } from '../settings/settings-service';
import { insertZone, type ZoneRow } from './zone-queries';
import { DEFAULT_ROSTER } from './roster';

/** Puts the embedded roster into a new database, once. Zones the secretariat later edits stay edited. */
export function seedRosterOnce(db: Database.Database): void {
  if (readSetting<boolean>(db, 'roster_seeded')) return;
  db.transaction(() => {
    for (const entry of DEFAULT_ROSTER) {
      const meta = newMetaRow({ ...SYSTEM_ACTOR, label: '系统（内置名录）' }, null);
      const row: ZoneRow = {
        ...meta,
        owner_zone_id: meta.id,
        code: entry.code,
        name: entry.name,
        short_name: entry.shortName,
        level: entry.level,
        province: entry.province,
        city: entry.city,
        contact_person: '',
        phone: '',
        email: '',
        joined_on: '',
        role: entry.role,
        notes: '',
        active: 1,
      };
      insertZone(db, row);
    }
    writeSetting(db, 'roster_seeded', true);
  })();
}
