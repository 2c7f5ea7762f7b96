import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Zone } from '../../../../shared/domain/zone';
import { RecordHistory } from '../../ui/RecordHistory';

/** Who changed what on one zone, and when. */
export function ZoneHistoryDrawer({ zone, onClose }: { zone: Zone; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer open width={520} title={t('zones.historyTitle', { name: zone.shortName })} onClose={onClose}>
      <RecordHistory recordId={zone.id} label={(key) => t(`zones.field.${key === 'active' ? 'status' : key}`)} />
    </Drawer>
  );
}
