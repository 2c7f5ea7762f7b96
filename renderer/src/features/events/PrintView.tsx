import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Segmented, Space, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../shared/domain/event';
import type { Registration } from '../../../../shared/domain/event-registration';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { printPage } from '../../ui/printPage';
import { eventWhen } from './time';

export type PrintKind = 'sheet' | 'badges';

const BADGES_PER_PAGE = 8; // 2 × 4 on A4
const BLANK_ROWS = 6; // for walk-ins written in by hand

/** @page differs per printout: the sheet has margins, the badge grid fills the page edge to edge. */
const PAGE_RULES: Record<PrintKind, string> = {
  sheet: '@page { size: A4 portrait; margin: 14mm 12mm 14mm 12mm; }',
  badges: '@page { size: A4 portrait; margin: 0; }',
};

function chunk<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

/**
 * Printouts for the day: the 签到表 (A4 table with a signature column) and 胸牌 (A4, 2 × 4
 * badges with a QR code of the registration code). Shown over the app; 打印 calls
 * printPage (desktop: straight to an A4 PDF; browser: its print dialog); the print CSS keeps only this view.
 */
export function PrintView({ eventId, kind, onKindChange, onClose }: { eventId: string; kind: PrintKind; onKindChange(kind: PrintKind): void; onClose(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [event, setEvent] = useState<EventDetail | null>(null);
  const [people, setPeople] = useState<Registration[] | null>(null);
  const [qr, setQr] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.call('events.get', { id: eventId }), api.call('registrations.list', { eventId })]).then(
      ([detail, list]) => {
        if (!live) return;
        setEvent(detail);
        setPeople(list.items.filter((r) => r.status === 'confirmed'));
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, eventId]);

  useEffect(() => {
    if (!people) return;
    let live = true;
    Promise.all(people.map(async (r) => [r.code, await QRCode.toDataURL(r.code, { errorCorrectionLevel: 'M', margin: 1, width: 256 })] as const)).then(
      (pairs) => live && setQr(Object.fromEntries(pairs)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [people]);

  const ready = Boolean(event && people && qr);
  return createPortal(
    <div className="ev-print" data-testid="print-view" data-ready={ready ? 'true' : 'false'} data-kind={kind}>
      <style>{PAGE_RULES[kind]}</style>
      <div className="ev-print-toolbar">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
            {t('events.back')}
          </Button>
          <Segmented<PrintKind>
            value={kind}
            onChange={onKindChange}
            options={[
              { value: 'sheet', label: t('events.print.sheetTab') },
              { value: 'badges', label: t('events.print.badgesTab') },
            ]}
          />
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!ready}
            onClick={() =>
              void printPage(`${event?.title ?? ''}-${kind === 'sheet' ? '签到表' : '胸牌'}`).then(
                (saved) => {
                  if (saved) void message.success(t('report.savedTo', { path: saved }));
                },
                (e: unknown) => showFailure(e, message.error),
              )
            }
          >
            {t('events.print.print')}
          </Button>
          <Typography.Text type="secondary">{t('events.print.hint')}</Typography.Text>
        </Space>
      </div>
      {error ? <Alert type="error" showIcon title={error} style={{ margin: 24 }} /> : null}
      {!ready || !event || !people ? (
        error ? null : <Spin style={{ display: 'block', margin: 48 }} />
      ) : kind === 'sheet' ? (
        <SignInSheet event={event} people={people} />
      ) : (
        <Badges event={event} people={people} qr={qr ?? {}} />
      )}
    </div>,
    document.body,
  );
}

function SignInSheet({ event, people }: { event: EventDetail; people: readonly Registration[] }) {
  const { t } = useTranslation();
  const blanks = Array.from({ length: BLANK_ROWS }, (_, i) => people.length + i + 1);
  return (
    <section className="ev-sheet" data-testid="sign-in-sheet">
      <header>
        <h1>{t('events.print.sheetTitle')}</h1>
        <h2>{event.title}</h2>
        <p>
          {eventWhen(event, t('events.allDay'))}
          {event.venue ? ` · ${event.venue}` : ''} · {t('events.print.hostedBy', { zones: [event.ownerZoneName, ...event.coHostZoneNames].join('、') })}
        </p>
      </header>
      <table>
        <colgroup>
          <col style={{ width: '7%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '30%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '22%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('events.print.no')}</th>
            <th>{t('events.reg.field.name')}</th>
            <th>{t('events.reg.field.organisation')}</th>
            <th>{t('events.reg.field.title')}</th>
            <th>{t('events.desk.phoneTail')}</th>
            <th>{t('events.print.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <td className="ev-sheet-name">{r.name}</td>
              <td>{r.organisation}</td>
              <td>{r.title}</td>
              <td>{r.phone.slice(-4)}</td>
              <td />
            </tr>
          ))}
          {blanks.map((n) => (
            <tr key={`blank-${n}`}>
              <td>{n}</td>
              <td />
              <td />
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <footer>{t('events.print.sheetFooter', { count: people.length })}</footer>
    </section>
  );
}

function Badges({ event, people, qr }: { event: EventDetail; people: readonly Registration[]; qr: Record<string, string> }) {
  const { t } = useTranslation();
  if (people.length === 0) return <Alert type="info" showIcon title={t('events.print.noBadges')} style={{ margin: 24 }} />;
  return (
    <div data-testid="badges">
      {chunk(people, BADGES_PER_PAGE).map((page, p) => (
        <section key={p} className="ev-badge-page">
          {page.map((r) => (
            <article key={r.id} className="ev-badge" data-testid="badge">
              <div className="ev-badge-event" style={{ borderColor: event.typeColor }}>
                {event.title}
              </div>
              <div className="ev-badge-body">
                <div className="ev-badge-person">
                  <div className="ev-badge-name">{r.name}</div>
                  <div className="ev-badge-org">{r.organisation}</div>
                  {r.title ? <div className="ev-badge-title">{r.title}</div> : null}
                </div>
                <div className="ev-badge-qr">
                  {qr[r.code] ? <img src={qr[r.code]} alt={t('events.print.qrAlt', { code: r.code })} /> : null}
                  <div className="ev-badge-code">{r.code}</div>
                </div>
              </div>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
