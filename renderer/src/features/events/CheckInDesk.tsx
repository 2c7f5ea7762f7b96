import { CloseOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Form, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../shared/domain/event';
import { REGISTRATION_CODE, type Registration, type RegistrationList } from '../../../../shared/domain/event-registration';
import { ApiError } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { EMPTY_REGISTRATION, RegistrationFields } from './RegistrationFormModal';
import { clockOf, eventWhen } from './time';
import { useEventLookups } from './useEventLookups';

type Result = { tone: 'success' | 'already' | 'error'; text: string; detail?: string } | null;

const MAX_ROWS = 200;
const REFRESH_MS = 20_000;

/** Name includes, pinyin initials start with, phone ends with (digits), or the code itself. */
export function matchesDesk(r: Pick<Registration, 'name' | 'initials' | 'phone' | 'code'>, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  const lower = q.toLowerCase().replace(/\s+/g, '');
  return r.name.includes(q) || (/^[a-z]+$/.test(lower) && r.initials.startsWith(lower)) || (/^\d+$/.test(q) && r.phone.endsWith(q)) || r.code === q.replace(/\s+/g, '').toUpperCase();
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.ant-select') !== null;
}

/**
 * 签到台: full screen, big type, one input that keeps the focus. A USB scanner types the
 * 6-character code and Enter; a clerk types a name, pinyin initials (zs) or the last digits of
 * a phone to find someone, ↑/↓ to choose, Enter to check in. 现场登记 (F2) adds a walk-in.
 * Everything runs against the local core: no network needed.
 */
export function CheckInDesk({ eventId, onClose }: { eventId: string; onClose(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const lookups = useEventLookups(api);
  const inputRef = useRef<HTMLInputElement>(null);
  const [event, setEvent] = useState<EventDetail | null>(null);
  const [list, setList] = useState<RegistrationList | null>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [result, setResult] = useState<Result>(null);
  const [busy, setBusy] = useState(false);
  const [walkIn, setWalkIn] = useState(false);
  const [form] = Form.useForm<typeof EMPTY_REGISTRATION>();

  const focusInput = useCallback(() => {
    requestAnimationFrame(() => inputRef.current?.focus());
  }, []);

  const load = useCallback(async () => {
    try {
      const [detail, regs] = await Promise.all([api.call('events.get', { id: eventId }), api.call('registrations.list', { eventId })]);
      setEvent(detail);
      setList(regs);
    } catch (error) {
      setResult({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }, [api, eventId]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  // The scanner types into whatever has the focus: bring it back to the input on any key.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        setWalkIn(true);
        return;
      }
      if (walkIn || isTyping(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key.length === 1 || e.key === 'Enter') inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [walkIn]);

  useEffect(() => {
    if (!walkIn) focusInput();
  }, [walkIn, focusInput]);

  const rows = useMemo(() => (list?.items ?? []).filter((r) => r.status !== 'cancelled' && matchesDesk(r, query)), [list, query]);

  function applyRegistration(r: Registration) {
    setList((current) => (current ? { ...current, items: current.items.some((i) => i.id === r.id) ? current.items.map((i) => (i.id === r.id ? r : i)) : [...current.items, r] } : current));
  }

  async function checkIn(code: string) {
    setBusy(true);
    try {
      const res = await api.call('registrations.checkIn', { eventId, code });
      const r = res.registration;
      applyRegistration(r);
      setList((current) => (current ? { ...current, counts: res.counts } : current));
      const who = `${r.name}（${r.organisation}）`;
      setResult(
        res.already
          ? { tone: 'already', text: t('events.desk.already', { time: r.checkedInAt ? clockOf(r.checkedInAt) : '' }), detail: who }
          : { tone: 'success', text: t('events.desk.success', { who, time: r.checkedInAt ? clockOf(r.checkedInAt) : '' }), detail: r.title || undefined },
      );
    } catch (error) {
      setResult({ tone: 'error', text: error instanceof ApiError || error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      setQuery('');
      setSelected(null);
      focusInput();
    }
  }

  function submit() {
    const q = query.trim();
    if (!q || busy) return;
    const code = q.replace(/\s+/g, '').toUpperCase();
    const byCode = list?.items.find((r) => r.code === code);
    const chosen = selected === null ? undefined : rows[selected];
    if (byCode) return void checkIn(byCode.code);
    if (chosen) return void checkIn(chosen.code);
    if (rows.length === 1) return void checkIn(rows[0]!.code);
    // Not in the list we have: a badge registered elsewhere a moment ago, or a typo — the core decides.
    if (REGISTRATION_CODE.test(code)) return void checkIn(code);
    if (rows.length === 0) setResult({ tone: 'error', text: t('events.desk.notFound', { query: q }) });
    else setResult({ tone: 'already', text: t('events.desk.choose', { count: rows.length }) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected((i) => (rows.length === 0 ? null : i === null ? 0 : Math.min(i + 1, rows.length - 1)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected((i) => (rows.length === 0 ? null : i === null ? 0 : Math.max(i - 1, 0)));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery('');
      setSelected(null);
    }
  }

  async function addWalkIn(values: typeof EMPTY_REGISTRATION) {
    setBusy(true);
    try {
      const r = await api.call('registrations.create', { eventId, walkIn: true, name: values.name, organisation: values.organisation, zoneId: values.zoneId ?? null, title: values.title ?? '', phone: values.phone ?? '', email: values.email ?? '' });
      applyRegistration(r);
      setResult({ tone: 'success', text: t('events.desk.walkInDone', { who: `${r.name}（${r.organisation}）`, time: r.checkedInAt ? clockOf(r.checkedInAt) : '' }), detail: t('events.desk.codeIs', { code: r.code }) });
      form.resetFields();
      setWalkIn(false);
      void load();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      form.setFields(Object.entries(fields).filter(([name]) => name in EMPTY_REGISTRATION).map(([name, message]) => ({ name: name as keyof typeof EMPTY_REGISTRATION, errors: [message] })));
      setResult({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const counts = list?.counts;
  return (
    <div className="ev-desk" role="dialog" aria-label={t('events.desk.title')} data-testid="checkin-desk">
      <header className="ev-desk-head">
        <div>
          <div className="ev-desk-kicker">{t('events.desk.title')}</div>
          <h1>{event?.title ?? t('app.loading')}</h1>
          {event ? (
            <div className="ev-desk-sub">
              {eventWhen(event, t('events.allDay'))}
              {event.venue ? ` · ${event.venue}` : ''}
            </div>
          ) : null}
        </div>
        <div className="ev-desk-counts" data-testid="desk-counts">
          <div>
            <b data-testid="desk-checked-in">{counts?.checkedIn ?? 0}</b>
            <span>{t('events.desk.checkedIn')}</span>
          </div>
          <div>
            <b data-testid="desk-registered">{counts?.confirmed ?? 0}</b>
            <span>{t('events.desk.registered')}</span>
          </div>
          <div>
            <b>{list?.capacity ?? '—'}</b>
            <span>{t('events.desk.capacity')}</span>
          </div>
          <Button size="large" icon={<CloseOutlined />} onClick={onClose}>
            {t('events.desk.exit')}
          </Button>
        </div>
      </header>
      <main className="ev-desk-main">
        <input
          ref={inputRef}
          className="ev-desk-input"
          value={query}
          autoComplete="off"
          spellCheck={false}
          aria-label={t('events.desk.inputLabel')}
          placeholder={t('events.desk.placeholder')}
          data-testid="desk-input"
          onChange={(e) => {
            setQuery(e.target.value);
            setSelected(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() =>
            setTimeout(() => {
              if (!walkIn && (document.activeElement === document.body || document.activeElement === null)) inputRef.current?.focus();
            }, 0)
          }
        />
        <div className={`ev-desk-result ev-desk-result-${result?.tone ?? 'idle'}`} role="status" aria-live="assertive" data-testid="desk-result">
          {result ? (
            <>
              <div className="ev-desk-result-text">{result.text}</div>
              {result.detail ? <div className="ev-desk-result-detail">{result.detail}</div> : null}
            </>
          ) : (
            <div className="ev-desk-result-detail">{t('events.desk.ready')}</div>
          )}
        </div>
        <Space style={{ margin: '16px 0 8px', justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 16 }}>
            {query ? t('events.desk.matches', { count: rows.length }) : t('events.desk.keys')}
          </Typography.Text>
          <Button size="large" icon={<UserAddOutlined />} onClick={() => setWalkIn((v) => !v)} data-testid="walk-in-toggle">
            {t('events.desk.walkIn')} (F2)
          </Button>
        </Space>
        {walkIn ? (
          <section className="ev-desk-walkin" data-testid="walk-in-form">
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('events.desk.walkInTitle')}
            </Typography.Title>
            <Form form={form} layout="vertical" initialValues={EMPTY_REGISTRATION} onFinish={(v) => void addWalkIn(v)} style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', columnGap: 16 }}>
              <RegistrationFields lookups={lookups} zoneFixed={false} />
              <Space style={{ gridColumn: 'span 3' }}>
                <Button type="primary" size="large" htmlType="submit" loading={busy}>
                  {t('events.desk.walkInSubmit')}
                </Button>
                <Button size="large" onClick={() => setWalkIn(false)}>
                  {t('common.cancel')}
                </Button>
              </Space>
            </Form>
          </section>
        ) : null}
        <table className="ev-desk-table" data-testid="desk-list">
          <thead>
            <tr>
              <th>{t('events.reg.field.name')}</th>
              <th>{t('events.reg.field.organisation')}</th>
              <th>{t('events.reg.field.title')}</th>
              <th>{t('events.desk.phoneTail')}</th>
              <th>{t('events.reg.field.code')}</th>
              <th>{t('events.reg.field.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((r, i) => (
              <tr key={r.id} className={i === selected ? 'ev-desk-selected' : undefined} aria-selected={i === selected} data-testid="desk-row">
                <td>
                  {r.name}
                  {r.walkIn ? <Tag style={{ marginInlineStart: 8 }}>{t('events.reg.walkIn')}</Tag> : null}
                </td>
                <td>{r.organisation}</td>
                <td>{r.title || '—'}</td>
                <td>{r.phone.slice(-4)}</td>
                <td className="ev-desk-code">{r.code}</td>
                <td>
                  {r.status === 'waitlisted' ? <Tag color="gold">{t('events.reg.status.waitlisted')}</Tag> : r.checkedInAt ? <Tag color="green">{t('events.desk.at', { time: clockOf(r.checkedInAt) })}</Tag> : <Tag>{t('events.desk.notYet')}</Tag>}
                </td>
                <td>
                  {r.status === 'confirmed' && !r.checkedInAt ? (
                    <Button type="primary" onClick={() => void checkIn(r.code)} disabled={busy} aria-label={t('events.desk.checkInOne', { name: r.name })}>
                      {t('events.desk.checkIn')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > MAX_ROWS ? <Typography.Text type="secondary">{t('events.desk.more', { count: rows.length - MAX_ROWS })}</Typography.Text> : null}
        {list && rows.length === 0 ? <Typography.Paragraph type="secondary" style={{ fontSize: 18, textAlign: 'center', marginTop: 24 }}>{query ? t('events.desk.noMatch') : t('events.reg.empty')}</Typography.Paragraph> : null}
      </main>
    </div>
  );
}
