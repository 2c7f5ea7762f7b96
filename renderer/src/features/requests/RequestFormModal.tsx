import { App as AntApp, DatePicker, Divider, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../shared/contract';
import type { ResourceDetail } from '../../../../shared/domain/resource';
import { useApp, useInstallation } from '../../app/AppContext';
import { ContactFields } from '../../ui/ContactFields';
import { showFailure } from '../../ui/errors';
import { bookingModeOf } from './booking-mode';
import { ResourceBookings } from './ResourceBookings';
import { pickedToIso, shanghaiToday } from './time';

interface FormValues {
  organisation: string;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  purpose: string;
  slotStart: Dayjs | null;
  slotEnd: Dayjs | null;
  sampleDescription: string;
  sampleQuantity: number | null;
  notes: string;
}

/** Every field named up front, so the core's field messages can always find their field. */
const EMPTY: FormValues = { organisation: '', contactPerson: '', contactPhone: '', contactEmail: '', purpose: '', slotStart: null, slotEnd: null, sampleDescription: '', sampleQuantity: null, notes: '' };
const PICKER_TIME = { format: 'HH:mm', minuteStep: 30 as const };

/** The request form: slot pickers (Asia/Shanghai) for 时间预约, sample fields for 送样检测. */
export function RequestFormModal({ resource, onClose, onSaved }: { resource: ResourceDetail; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const mode = bookingModeOf(resource);
  const label = (key: string) => t(`requests.field.${key}`);
  const required = (key: string) => [{ required: true, message: `${label(key)}：${t('requests.required')}` }];

  // Start from this zone's own contact details: most requests are filed by its liaison.
  useEffect(() => {
    api.call('zones.get', { id: installation.zoneId }).then(
      (zone) => {
        const current = form.getFieldsValue(true) as FormValues;
        form.setFieldsValue({
          organisation: current.organisation || zone.name,
          contactPerson: current.contactPerson || zone.contactPerson,
          contactPhone: current.contactPhone || zone.phone,
          contactEmail: current.contactEmail || zone.email,
        });
      },
      () => undefined, // a convenience only: the form works without it
    );
  }, [api, installation.zoneId, form]);

  async function submit(values: FormValues) {
    const input: ChannelInput<'requests.create'> = {
      resourceId: resource.id,
      organisation: values.organisation,
      contactPerson: values.contactPerson,
      contactPhone: values.contactPhone ?? '',
      contactEmail: values.contactEmail ?? '',
      purpose: values.purpose,
      sampleDescription: values.sampleDescription ?? '',
      sampleQuantity: values.sampleQuantity ?? null,
      notes: values.notes ?? '',
      ...(values.slotStart ? { slotStart: pickedToIso(values.slotStart) } : {}),
      ...(values.slotEnd ? { slotEnd: pickedToIso(values.slotEnd) } : {}),
    };
    setSaving(true);
    try {
      await api.call('requests.create', input);
      onSaved();
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  // Picking a start suggests an end one hour later, the most common booking.
  function onStartChange(start: Dayjs | null) {
    const end = form.getFieldValue('slotEnd') as Dayjs | null;
    if (start && (!end || !end.isAfter(start))) form.setFieldValue('slotEnd', start.add(1, 'hour'));
  }

  const disabledDate = (d: Dayjs) => d.isBefore(shanghaiToday(), 'day');
  // Enter in a picker confirms the typed time; it must not also submit the half-filled form.
  const keepEnterInPicker = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter') e.preventDefault();
  };

  return (
    <Modal
      open
      title={`${t(mode === 'slot' ? 'requests.bookSlot' : 'requests.apply')} · ${resource.title}`}
      width={720}
      onCancel={onClose}
      okText={t('requests.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'request-form', loading: saving }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('requests.formIntro', { zone: resource.ownerZoneName, organisation: resource.organisation })}
      </Typography.Paragraph>
      <Form<FormValues> id="request-form" form={form} layout="vertical" initialValues={EMPTY} onFinish={(v) => void submit(v)} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        {mode === 'slot' ? (
          <>
            <Form.Item name="slotStart" label={label('slotStart')} rules={required('slotStart')} extra={t('requests.timeZoneHint')}>
              <DatePicker showTime={PICKER_TIME} format="YYYY-MM-DD HH:mm" placeholder={t('requests.pickPlaceholder')} disabledDate={disabledDate} onChange={onStartChange} onKeyDown={keepEnterInPicker} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="slotEnd" label={label('slotEnd')} rules={required('slotEnd')}>
              <DatePicker showTime={PICKER_TIME} format="YYYY-MM-DD HH:mm" placeholder={t('requests.pickPlaceholder')} disabledDate={disabledDate} onKeyDown={keepEnterInPicker} style={{ width: '100%' }} />
            </Form.Item>
            <div style={{ gridColumn: 'span 2', marginBottom: 16 }}>
              <ResourceBookings resourceId={resource.id} compact />
            </div>
          </>
        ) : null}
        {mode === 'sample' ? (
          <>
            <Form.Item name="sampleDescription" label={label('sampleDescription')} rules={required('sampleDescription')} style={{ gridColumn: 'span 2' }}>
              <Input.TextArea rows={2} maxLength={500} placeholder={t('requests.samplePlaceholder')} />
            </Form.Item>
            <Form.Item name="sampleQuantity" label={label('sampleQuantity')} rules={required('sampleQuantity')}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <div />
          </>
        ) : null}
        <Form.Item name="purpose" label={label('purpose')} rules={required('purpose')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('requests.purposePlaceholder')} />
        </Form.Item>
        <Divider style={{ gridColumn: 'span 2', margin: '0 0 12px' }} />
        <Form.Item name="organisation" label={label('organisation')} rules={required('organisation')} style={{ gridColumn: 'span 2' }}>
          <Input maxLength={100} />
        </Form.Item>
        <ContactFields label={label} />
        <Form.Item name="notes" label={label('notes')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
