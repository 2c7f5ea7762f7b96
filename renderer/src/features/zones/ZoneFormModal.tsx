import { App as AntApp, AutoComplete, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZONE_MEMBER_EDITABLE, type Zone, type ZoneCreateInput } from '../../../../shared/domain/zone';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';

const PROVINCES = ['辽宁省', '吉林省', '黑龙江省', '内蒙古自治区'];
const MEMBER_EDITABLE = new Set(ZONE_MEMBER_EDITABLE);

type FormValues = Omit<ZoneCreateInput, 'joinedOn'> & { joinedOn?: Dayjs | null };

/** Add or edit a zone. The core validates; its field messages land under the fields. */
export function ZoneFormModal({ zone, onClose, onSaved }: { zone: Zone | null; onClose(): void; onSaved(zone: Zone): Promise<void> }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const locked = (field: string) => installation.role !== 'secretariat' && !MEMBER_EDITABLE.has(field);
  const label = (field: string) => t(`zones.field.${field}`);

  async function submit(values: FormValues) {
    const fields = { ...values, joinedOn: values.joinedOn ? values.joinedOn.format('YYYY-MM-DD') : '' };
    setSaving(true);
    try {
      const saved = zone
        ? await api.call('zones.update', { id: zone.id, version: zone.version, patch: onlyEditable(fields) })
        : await api.call('zones.create', fields);
      await onSaved(saved);
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  function onlyEditable(fields: ZoneCreateInput): Partial<ZoneCreateInput> {
    if (installation.role === 'secretariat') return fields;
    return Object.fromEntries(Object.entries(fields).filter(([k]) => MEMBER_EDITABLE.has(k)));
  }

  const initial: Partial<FormValues> = zone
    ? { ...zone, joinedOn: zone.joinedOn ? dayjs(zone.joinedOn) : null }
    : { level: 'provincial', role: 'member' };

  return (
    <Modal
      open
      title={zone ? `${t('zones.edit')} · ${zone.shortName}` : t('zones.add')}
      width={680}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'zone-form', loading: saving }}
      destroyOnHidden
    >
      <Form<FormValues>
        id="zone-form"
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      >
        <Form.Item name="name" label={label('name')} rules={[{ required: true, message: `${label('name')}：必填` }]} style={{ gridColumn: 'span 2' }}>
          <Input autoFocus disabled={locked('name')} maxLength={60} />
        </Form.Item>
        <Form.Item name="shortName" label={label('shortName')} rules={[{ required: true, message: `${label('shortName')}：必填` }]}>
          <Input disabled={locked('shortName')} maxLength={30} />
        </Form.Item>
        <Form.Item name="code" label={label('code')} extra={t('zones.help.code')} rules={[{ required: true, message: `${label('code')}：必填` }]}>
          <Input disabled={locked('code')} maxLength={12} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="level" label={label('level')} rules={[{ required: true }]}>
          <Select
            disabled={locked('level')}
            options={[
              { value: 'national', label: t('level.national') },
              { value: 'provincial', label: t('level.provincial') },
            ]}
          />
        </Form.Item>
        <Form.Item name="province" label={label('province')} rules={[{ required: true, message: `${label('province')}：必填` }]}>
          <AutoComplete disabled={locked('province')} options={PROVINCES.map((p) => ({ value: p }))} />
        </Form.Item>
        <Form.Item name="city" label={label('city')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="joinedOn" label={label('joinedOn')}>
          <DatePicker disabled={locked('joinedOn')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="contactPerson" label={label('contactPerson')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label={label('phone')} extra={t('zones.help.phone')}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label={label('email')} style={{ gridColumn: 'span 2' }}>
          <Input maxLength={120} inputMode="email" />
        </Form.Item>
        <Form.Item name="role" label={label('role')} extra={t('zones.help.role')} style={{ gridColumn: 'span 2' }}>
          <Radio.Group disabled={locked('role')}>
            <Radio value="member">{t('role.member')}</Radio>
            <Radio value="secretariat">{t('role.secretariat')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="notes" label={label('notes')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
