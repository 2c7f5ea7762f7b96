import { Descriptions } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Zone } from '../../../../shared/domain/zone';

/** The fields the table has no room for, shown when a row is expanded. */
export function ZoneDetails({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  const stamp = (who: string, at: string) => `${who} · ${dayjs(at).format('YYYY-MM-DD HH:mm')}`;
  return (
    <Descriptions size="small" column={2} style={{ maxWidth: 960 }}>
      <Descriptions.Item label={t('zones.field.email')}>{zone.email || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('zones.field.joinedOn')}>{zone.joinedOn || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('zones.field.notes')} span={2}>
        {zone.notes || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('zones.createdBy')}>{stamp(zone.createdBy, zone.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('zones.updatedBy')}>{stamp(zone.updatedBy, zone.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}
