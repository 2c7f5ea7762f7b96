import { App as AntApp, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharingRequest } from '../../../../shared/domain/sharing-request';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { REQUEST_STATUS_COLORS } from './labels';
import { RequestActions } from './RequestActions';
import { onRequestsChanged } from './request-events';
import { dayKey, inShanghai, rangeText } from './time';

/**
 * A resource's booking calendar: upcoming approved and pending slots grouped by day
 * (Asia/Shanghai), pending ones drawn dashed. The owner zone decides inline. Built from
 * AntD parts rather than a calendar library, which the project does not ship.
 */
export function ResourceBookings({ resourceId, compact = false }: { resourceId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [requests, setRequests] = useState<SharingRequest[] | null>(null);

  const load = useCallback(async () => {
    try {
      setRequests(await api.call('requests.list', { scope: 'resource', resourceId, statuses: ['pending', 'approved'] }));
    } catch (error) {
      showFailure(error, message.error);
      setRequests([]);
    }
  }, [api, resourceId, message]);
  useEffect(() => void load(), [load]);
  useEffect(() => onRequestsChanged(() => void load()), [load]);

  const days = useMemo(() => groupUpcoming(requests ?? [], new Date().toISOString()), [requests]);

  if (!requests) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <div data-testid="resource-bookings">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('requests.calendar.title')}</Typography.Text>
        <Tag color={REQUEST_STATUS_COLORS.approved}>{t('requests.status.approved')}</Tag>
        <Tag color={REQUEST_STATUS_COLORS.pending} variant="outlined" style={{ borderStyle: 'dashed' }}>
          {t('requests.status.pending')}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('requests.calendar.hint')}
        </Typography.Text>
      </Flex>
      {days.length === 0 ? (
        compact ? (
          <Typography.Text type="secondary">{t('requests.calendar.empty')}</Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requests.calendar.empty')} />
        )
      ) : (
        days.map(([day, bookings]) => (
          <section key={day} style={{ marginBottom: 12 }} data-testid="booking-day">
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              {inShanghai(bookings[0]!.slotStart!).format(t('requests.dayFormat'))}
            </Typography.Text>
            {bookings.map((b) => (
              <BookingRow key={b.id} booking={b} clashes={b.status === 'pending' && clashesWithApproved(b, requests)} compact={compact} onDone={load} />
            ))}
          </section>
        ))
      )}
    </div>
  );
}

function BookingRow({ booking, clashes, compact, onDone }: { booking: SharingRequest; clashes: boolean; compact: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const pending = booking.status === 'pending';
  return (
    <Flex
      gap={12}
      align="center"
      wrap
      data-testid="booking"
      data-status={booking.status}
      style={{
        padding: '6px 10px',
        marginBottom: 4,
        borderRadius: 6,
        // Pending slots are only asked for: a dashed outline; approved ones are held: solid.
        border: pending ? '1px dashed #d4b106' : '1px solid #b7eb8f',
        background: pending ? '#fffbe6' : '#f6ffed',
      }}
    >
      <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums', minWidth: 96 }}>
        {rangeText(booking.slotStart!, booking.slotEnd!, t('requests.dayFormat'))}
      </Typography.Text>
      <Tag color={REQUEST_STATUS_COLORS[booking.status]} variant={pending ? 'outlined' : 'filled'} style={pending ? { borderStyle: 'dashed' } : undefined}>
        {t(`requests.status.${booking.status}`)}
      </Tag>
      {clashes ? (
        <Tag color="red" data-testid="booking-clash">
          {t('requests.calendar.clash')}
        </Tag>
      ) : null}
      <Typography.Text style={{ flex: 1, minWidth: 160 }}>
        {booking.organisation}
        <Typography.Text type="secondary">（{booking.requesterZoneName}）</Typography.Text>
      </Typography.Text>
      {compact ? null : <RequestActions request={booking} onDone={onDone} />}
    </Flex>
  );
}

/** A pending slot that could not be approved as it stands: shown to owner and requester alike. */
function clashesWithApproved(pending: SharingRequest, all: SharingRequest[]): boolean {
  return all.some((a) => a.status === 'approved' && a.slotStart! < pending.slotEnd! && a.slotEnd! > pending.slotStart!);
}

/** Slots that have not ended yet, by start time, grouped by their Shanghai start day. */
function groupUpcoming(requests: SharingRequest[], nowIso: string): Array<[string, SharingRequest[]]> {
  const upcoming = requests.filter((r) => r.slotStart && r.slotEnd && r.slotEnd > nowIso).sort((a, b) => (a.slotStart! < b.slotStart! ? -1 : a.slotStart! > b.slotStart! ? 1 : 0));
  const groups = new Map<string, SharingRequest[]>();
  for (const r of upcoming) {
    const key = dayKey(r.slotStart!);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()];
}
