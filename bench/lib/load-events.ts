import type { Core } from '../../electron/core/app-core';
import { createEvent } from '../../electron/core/events/event-service';
import { withDeferredTextIndex } from '../../electron/core/search/text-index';
import { actorOf, readInstallation } from '../../electron/core/settings/settings-service';
import { EventCreateInput, type EventStatus } from '../../shared/domain/event';
import type { GeneratedEvent } from '../generate/types';
import { timeSync } from './timing';

/** Generated status → the app's lifecycle state (before 2026-04-01 the generator's events are over). */
const STATUS_MAP: Readonly<Record<GeneratedEvent['status'], EventStatus>> = {
  planned: 'planned',
  open: 'published',
  finished: 'held',
  cancelled: 'cancelled',
};

export interface LoadedEvents {
  created: number;
  createMs: number;
}

/**
 * The generated events (bench/generate/events.ts) created through the real service
 * (`createEvent`: schema, zone and type checks, audit, change log, text index) in one
 * transaction with the index written at its end — the way an import writes them. Then each
 * gets its generated state directly in SQL (a real event gets there by transitions, which
 * write audit rows of their own; the bench measures reading, not the transitions).
 */
export function loadEvents(core: Core, events: readonly GeneratedEvent[]): LoadedEvents {
  const db = core.db;
  const actor = actorOf(db, readInstallation(db)) ?? fail('the bench core is not set up');
  const zones = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM zones WHERE deleted_at IS NULL').all().map((z) => [z.code, z.id]));
  const types = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM event_types WHERE deleted_at IS NULL').all().map((t) => [t.code, t.id]));
  const setStatus = db.prepare<[string, string]>('UPDATE events SET status = ? WHERE id = ?');
  const zoneId = (code: string) => zones.get(code) ?? fail(`zone ${code} is not in the seeded roster`);
  const created = timeSync(() =>
    withDeferredTextIndex(db, () => {
      for (const g of events) {
        const input = EventCreateInput.parse({
          typeId: types.get(g.type) ?? fail(`event type ${g.type} is not seeded`),
          ownerZoneId: zoneId(g.hostZoneCode),
          coHostZoneIds: g.coHostZoneCodes.map(zoneId),
          title: g.title,
          startAt: g.startAt,
          endAt: g.endAt,
          venue: g.venue,
          capacity: g.capacity,
          description: g.description,
        });
        const event = createEvent(db, actor, input);
        if (STATUS_MAP[g.status] !== event.status) setStatus.run(STATUS_MAP[g.status], event.id);
      }
    }),
  );
  return { created: events.length, createMs: created.ms };
}

function fail(message: string): never {
  throw new Error(`loadEvents: ${message}`);
}
