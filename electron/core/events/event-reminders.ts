import type Database from 'better-sqlite3';
import type { EventReminder } from '../../../shared/domain/event';
import { addDays, shanghaiToday, toShanghaiIso } from '../../../shared/shanghai-date';

const LOOKAHEAD_MS = 24 * 3_600_000;

/**
 * What to remind about now: events starting within 24 hours and registration deadlines
 * that are today or tomorrow — for live events. Each has a stable key, so the app notifies
 * once per reminder (it remembers the keys it has shown).
 */
export function upcomingReminders(db: Database.Database, nowMs = Date.now()): EventReminder[] {
  const now = toShanghaiIso(nowMs);
  const soon = toShanghaiIso(nowMs + LOOKAHEAD_MS);
  const today = shanghaiToday(nowMs);
  const starting = db
    .prepare<[string, string], { id: string; title: string; start_at: string; venue: string }>(
      "SELECT id, title, start_at, venue FROM events WHERE deleted_at IS NULL AND status IN ('planned', 'published') AND start_at >= ? AND start_at <= ? ORDER BY start_at",
    )
    .all(now, soon);
  const closing = db
    .prepare<[string, string], { id: string; title: string; registration_deadline: string }>(
      "SELECT id, title, registration_deadline FROM events WHERE deleted_at IS NULL AND status IN ('planned', 'published', 'postponed') AND registration_deadline >= ? AND registration_deadline <= ? ORDER BY registration_deadline",
    )
    .all(today, addDays(today, 1));
  return [
    ...starting.map((e) => ({
      key: `starts:${e.id}:${e.start_at}`,
      eventId: e.id,
      kind: 'starts' as const,
      at: e.start_at,
      message: `「${e.title}」将于 ${e.start_at.slice(5, 16).replace('T', ' ')} 开始${e.venue ? `，地点：${e.venue}` : ''}。`,
    })),
    ...closing.map((e) => ({
      key: `closes:${e.id}:${e.registration_deadline}`,
      eventId: e.id,
      kind: 'registrationCloses' as const,
      at: e.registration_deadline,
      message: `「${e.title}」的报名将于 ${e.registration_deadline === today ? '今天' : '明天'}（${e.registration_deadline}）截止。`,
    })),
  ];
}
