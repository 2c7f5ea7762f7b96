import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Registration } from '../../../../shared/domain/event-registration';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import type { EventLookups } from './useEventLookups';

interface FormValues {
  name: string;
  organisation: string;
  zoneId: string | null;
  title: string;
  phone: string;
  email: string;
}

/** The fields of a participant, shared by 报名 and the desk's 现场登记. */
export function RegistrationFields({ lookups, zoneFixed, autoFocus = true }: { lookups: EventLookups; zoneFixed: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const label = (key: string) => t(`events.reg.field.${key}`);
  const required = (key: string) => [{ required: true, whitespace: true, message: `${label(key)}：${t('events.required')}` }];
  return (
    <>
      <Form.Item name="name" label={label('name')} rules={required('name')}>
        <Input autoFocus={autoFocus} maxLength={30} />
      </Form.Item>
      <Form.Item name="organisation" label={label('organisation')} rules={required('organisation')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="zoneId" label={label('zoneId')} extra={zoneFixed ? t('events.reg.zoneFixed') : t('events.reg.zoneHelp')}>
        <Select allowClear disabled={zoneFixed} showSearch={{ optionFilterProp: 'label' }} options={lookups.zoneOptions} placeholder={t('events.reg.noZone')} />
      </Form.Item>
      <Form.Item name="title" label={label('title')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label={label('phone')} rules={required('phone')}>
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      <Form.Item name="email" label={label('email')}>
        <Input maxLength={120} inputMode="email" />
      </Form.Item>
    </>
  );
}

export const EMPTY_REGISTRATION: FormValues = { name: '', organisation: '', zoneId: null, title: '', phone: '', email: '' };

/**
 * Registers a participant. A member registers people of its own zone (it sees only those);
 * the host and the secretariat may register anyone.
 */
export function RegistrationFormModal({ eventId, mayManage, lookups, onClose, onSaved }: { eventId: string; mayManage: boolean; lookups: EventLookups; onClose(): void; onSaved(r: Registration): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const zoneFixed = !mayManage;

  async function submit(values: FormValues) {
    setSaving(true);
    try {
      const saved = await api.call('registrations.create', {
        eventId,
        name: values.name,
        organisation: values.organisation,
        zoneId: zoneFixed ? installation.zoneId : (values.zoneId ?? null),
        title: values.title ?? '',
        phone: values.phone ?? '',
        email: values.email ?? '',
      });
      onSaved(saved);
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('events.reg.add')}
      onCancel={onClose}
      okText={t('events.reg.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'registration-form', loading: saving }}
      destroyOnHidden
    >
      <Form<FormValues>
        id="registration-form"
        form={form}
        layout="vertical"
        initialValues={{ ...EMPTY_REGISTRATION, zoneId: zoneFixed ? installation.zoneId : null }}
        onFinish={(v) => void submit(v)}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      >
        <RegistrationFields lookups={lookups} zoneFixed={zoneFixed} />
      </Form>
    </Modal>
  );
}
