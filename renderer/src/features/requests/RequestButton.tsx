import { CalendarOutlined, SendOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '../../../../shared/domain/resource';
import { bookingPausedBy } from '../../../../shared/domain/resource-fields';
import { useInstallation } from '../../app/AppContext';
import { announceRequestsChanged } from './request-events';
import { bookingModeOf } from './booking-mode';
import { RequestFormModal } from './RequestFormModal';

/**
 * 申请使用 / 预约时段 on a resource's detail page. Shown only where a request can succeed:
 * the resource is published and belongs to another zone; an instrument under maintenance or
 * offline shows the button disabled, saying bookings are paused (the core refuses them too).
 */
export function RequestButton({ resource, onDone }: { resource: ResourceDetail; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  if (resource.status !== 'published' || resource.ownerZoneId === installation.zoneId) return null;
  const slot = bookingModeOf(resource) === 'slot';
  const paused = bookingPausedBy(resource);
  if (paused) {
    const state = i18n.language === 'en' ? paused.labelEn : paused.label;
    return (
      <Tooltip title={t('requests.pausedWhy', { state })}>
        <Button disabled icon={slot ? <CalendarOutlined /> : <SendOutlined />}>
          {t('requests.paused', { state })}
        </Button>
      </Tooltip>
    );
  }
  return (
    <>
      <Button type="primary" icon={slot ? <CalendarOutlined /> : <SendOutlined />} onClick={() => setOpen(true)}>
        {t(slot ? 'requests.bookSlot' : 'requests.apply')}
      </Button>
      {open ? (
        <RequestFormModal
          resource={resource}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            message.success(t('requests.created', { title: resource.title }));
            announceRequestsChanged();
            onDone?.();
          }}
        />
      ) : null}
    </>
  );
}
