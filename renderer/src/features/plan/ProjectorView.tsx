import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { EventDetail, RegistrationCounts } from '../../../../shared/domain/event';
import { METRIC_INFO, PLAN_PARTS, type PlanProgress } from '../../../../shared/domain/plan';
import { shanghaiToday, toShanghaiIso } from '../../../../shared/shanghai-date';
import { useApp } from '../../app/AppContext';
import { completionPercent, formatNumber } from './format';

const PANELS = ['agenda', 'checkIn', 'progress'] as const;
type Panel = (typeof PANELS)[number];

export const ROTATE_MS = 12_000;
const CHECK_IN_MS = 10_000;
const SLOW_MS = 60_000;

const hhmm = (iso: string) => toShanghaiIso(iso).slice(11, 16);

/**
 * 投影模式: a full-screen, large-type view for alliance meetings — today's agenda, live
 * check-in counts (every 10 s), 1+X+N progress — rotating every 12 s. Esc (or leaving full
 * screen) returns to the app; ← / → switch panels by hand.
 */
export function ProjectorView({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { api, info } = useApp();
  const root = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState<Panel>('agenda');
  const [events, setEvents] = useState<EventDetail[] | null>(null);
  const [counts, setCounts] = useState<Record<string, RegistrationCounts>>({});
  const [progress, setProgress] = useState<PlanProgress | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [paused, setPaused] = useState(false);
  const today = shanghaiToday(now);
  const year = Number(today.slice(0, 4));
  const close = useRef(onClose);
  close.current = onClose;

  // Full screen where the browser allows it; the view covers the window either way.
  useEffect(() => {
    const element = root.current;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement === element) entered = true;
      else if (entered) close.current(); // Esc in full screen: the browser leaves it first
    };
    document.addEventListener('fullscreenchange', onChange);
    element?.focus();
    if (element?.requestFullscreen) element.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const move = useCallback((step: number) => setPanel((p) => PANELS[(PANELS.indexOf(p) + step + PANELS.length) % PANELS.length]!), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close.current();
      } else if (e.key === 'ArrowRight' || e.key === 'PageDown') move(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') move(-1);
      else if (e.key === ' ') setPaused((p) => !p);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move]);

  useEffect(() => {
    if (paused) return;
    const timer = window.setInterval(() => move(1), ROTATE_MS);
    return () => window.clearInterval(timer);
  }, [move, paused, panel]);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 10_000);
    return () => window.clearInterval(timer);
  }, []);

  // Today's events with their agenda, and the year's progress: every minute.
  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const list = await api.call('events.list', { from: today, to: today, limit: 50 });
        const todays = list.items.filter((e) => e.status !== 'cancelled' && e.status !== 'postponed').sort((a, b) => a.startAt.localeCompare(b.startAt));
        const details = await Promise.all(todays.map((e) => api.call('events.get', { id: e.id })));
        if (live) setEvents(details);
      } catch {
        if (live) setEvents((current) => current ?? []);
      }
      try {
        const p = await api.call('plans.progress', { year });
        if (live) setProgress(p);
      } catch {
        /* the panel keeps what it showed */
      }
    };
    void load();
    const timer = window.setInterval(() => void load(), SLOW_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, today, year]);

  // Check-in counts: every 10 s.
  const eventIds = (events ?? []).map((e) => e.id).join(',');
  useEffect(() => {
    if (!eventIds) return;
    let live = true;
    const load = async () => {
      const ids = eventIds.split(',');
      const lists = await Promise.all(ids.map((id) => api.call('registrations.list', { eventId: id }).catch(() => null)));
      if (!live) return;
      setCounts((current) => {
        const next = { ...current };
        lists.forEach((l, i) => {
          if (l) next[ids[i]!] = l.counts;
        });
        return next;
      });
    };
    void load();
    const timer = window.setInterval(() => void load(), CHECK_IN_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, eventIds]);

  const language = i18n.language;
  const totalCheckedIn = (events ?? []).reduce((s, e) => s + (counts[e.id]?.checkedIn ?? e.counts.checkedIn), 0);

  return createPortal(
    <div ref={root} className="pj-root" tabIndex={-1} data-testid="projector" data-panel={panel} role="dialog" aria-label={t('projector.title')}>
      <header className="pj-head">
        <div>
          <div className="pj-alliance">{t('app.alliance')}</div>
          <div className="pj-title">{t('projector.title')}</div>
        </div>
        <div className="pj-clock">
          <div>{toShanghaiIso(now).slice(11, 16)}</div>
          <div className="pj-date">
            {today} · {info.zoneName}
          </div>
        </div>
      </header>
      <main className="pj-main">
        {panel === 'agenda' ? (
          <section className="pj-panel" data-testid="projector-agenda">
            <h2>{t('projector.agenda')}</h2>
            {events === null ? null : events.length === 0 ? (
              <p className="pj-empty">{t('projector.noEvents')}</p>
            ) : (
              <div className="pj-events">
                {events.slice(0, 3).map((e) => (
                  <article key={e.id} className="pj-event" style={{ borderColor: e.typeColor }}>
                    <div className="pj-event-time">
                      {e.allDay ? t('events.allDay') : `${hhmm(e.startAt)}–${hhmm(e.endAt)}`} · {e.typeName}
                    </div>
                    <div className="pj-event-title">{e.title}</div>
                    <div className="pj-event-venue">
                      {[e.venue, [e.ownerZoneName, ...e.coHostZoneNames].join('、')].filter(Boolean).join(' · ')}
                    </div>
                    {e.agenda.length > 0 ? (
                      <ol className="pj-agenda">
                        {e.agenda.slice(0, 8).map((a, i) => (
                          <li key={i}>
                            <span className="pj-agenda-time">{a.time}</span>
                            <span className="pj-agenda-topic">{a.topic}</span>
                            {a.speaker ? <span className="pj-agenda-speaker">{a.speaker}</span> : null}
                          </li>
                        ))}
                      </ol>
                    ) : (
                      <p className="pj-muted">{t('projector.noAgenda')}</p>
                    )}
                  </article>
                ))}
              </div>
            )}
          </section>
        ) : panel === 'checkIn' ? (
          <section className="pj-panel" data-testid="projector-checkin">
            <h2>
              {t('projector.checkIn')} <span className="pj-live">{t('projector.live')}</span>
            </h2>
            {events === null ? null : events.length === 0 ? (
              <p className="pj-empty">{t('projector.noEvents')}</p>
            ) : (
              <>
                <div className="pj-big" data-testid="projector-checked-in">
                  {formatNumber(totalCheckedIn, language)}
                  <span className="pj-big-unit">{t('projector.people')}</span>
                </div>
                <div className="pj-checkins">
                  {events.map((e) => {
                    const c = counts[e.id] ?? e.counts;
                    const expected = c.confirmed + c.walkIns;
                    return (
                      <div key={e.id} className="pj-checkin">
                        <div className="pj-checkin-title">{e.title}</div>
                        <div className="pj-checkin-figure">
                          {c.checkedIn} <span>/ {t('projector.registered', { count: expected })}</span>
                        </div>
                        <div className="pj-bar">
                          <div style={{ width: `${expected > 0 ? Math.min(100, (c.checkedIn / expected) * 100) : 0}%` }} />
                        </div>
                      </div>
                    );
                  })}
                </div>
              </>
            )}
          </section>
        ) : (
          <section className="pj-panel" data-testid="projector-progress">
            <h2>{t('projector.progress', { year })}</h2>
            <div className="pj-parts">
              {PLAN_PARTS.map((part) => (
                <div key={part} className="pj-part">
                  <h3>{t(`plan.part.${part}`)}</h3>
                  {(progress?.metrics ?? [])
                    .filter((m) => METRIC_INFO[m.metric].part === part)
                    .map((m) => {
                      const pct = completionPercent(m.total.actual, m.total.target);
                      return (
                        <div key={m.metric} className="pj-metric">
                          <div className="pj-metric-label">{t(`plan.metric.${m.metric}`)}</div>
                          <div className="pj-metric-figure">
                            {formatNumber(m.total.actual, language)}
                            <span>
                              {m.total.target !== null ? ` / ${formatNumber(m.total.target, language)}` : ''} {t(`plan.unit.${m.metric}`)}
                              {pct !== null ? ` · ${pct}%` : ''}
                            </span>
                          </div>
                          {pct !== null ? (
                            <div className="pj-bar">
                              <div style={{ width: `${Math.min(100, pct)}%` }} />
                            </div>
                          ) : null}
                        </div>
                      );
                    })}
                </div>
              ))}
            </div>
          </section>
        )}
      </main>
      <footer className="pj-foot">
        <div className="pj-dots">
          {PANELS.map((p) => (
            <button key={p} type="button" className={p === panel ? 'pj-dot pj-dot-on' : 'pj-dot'} onClick={() => setPanel(p)} aria-label={t(`projector.${p}`, { year })} />
          ))}
        </div>
        <div>{paused ? t('projector.paused') : t('projector.keys')}</div>
        <button type="button" className="pj-exit" onClick={onClose}>
          {t('projector.exit')}
        </button>
      </footer>
    </div>,
    document.body,
  );
}
