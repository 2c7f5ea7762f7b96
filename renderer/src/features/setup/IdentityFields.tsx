import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Zone } from '../../../../shared/domain/zone';
import type { ApiClient } from '../../api/client';
import { useZoneOptions } from '../zones/useZoneOptions';

/** Which zone this installation belongs to, its role and the operator: the wizard and Settings share these fields. */
export function IdentityFields({ api, autoFocus, onZonePicked }: { api: ApiClient; autoFocus?: boolean; onZonePicked?(zone: Zone): void }) {
  const { t } = useTranslation();
  const { zones, search } = useZoneOptions(api);
  return (
    <>
      <Form.Item name="zoneId" label={t('setup.zone')} rules={[{ required: true, message: `${t('setup.zone')}：必填` }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
          autoFocus={autoFocus}
          placeholder={t('setup.zonePlaceholder')}
          options={zones.map((z) => ({ value: z.id, label: `${z.shortName}（${z.province}）` }))}
          onChange={(id: string) => {
            const zone = zones.find((z) => z.id === id);
            if (zone) onZonePicked?.(zone);
          }}
        />
      </Form.Item>
      <Form.Item name="role" label={t('setup.role')} extra={t('setup.roleHint')} rules={[{ required: true }]}>
        <Radio.Group>
          <Radio.Button value="secretariat">{t('role.secretariat')}</Radio.Button>
          <Radio.Button value="member">{t('role.member')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="operatorName" label={t('setup.operator')}>
        <Input maxLength={30} placeholder={t('setup.operatorPlaceholder')} />
      </Form.Item>
    </>
  );
}
