import { CalendarOutlined, SendOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '../../../../shared/domain/resource';
import { useInstallation } from '../../app/AppContext';
import { announceRequestsChanged } from './request-events';
import { bookingModeOf } from './booking-mode';
import { RequestFormModal } from './RequestFormModal';

/**
 * 申请使用 / 预约时段 on a resource's detail page. Shown only where a request can succeed:
 * the resource is published and belongs to another zone.
 */
export function RequestButton({ resource, onDone }: { resource: ResourceDetail; onDone?: () => void }) {
  const { t } = useTranslation();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  if (resource.status !== 'published' || resource.ownerZoneId === installation.zoneId) return null;
  const slot = bookingModeOf(resource) === 'slot';
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
