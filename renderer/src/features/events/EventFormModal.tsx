import { App as AntApp, DatePicker, Divider, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, AllianceEvent, EventCreateInput, EventDetail } from '../../../../shared/domain/event';
import { useApp, useInstallation } from '../../app/AppContext';
import { ContactFields } from '../../ui/ContactFields';
import { showFailure } from '../../ui/errors';
import { AgendaEditor } from './AgendaEditor';
import { RecordPicker } from './RecordPicker';
import { addDays, isoToPicker, lastDayOf, pickerToIso } from './time';
import type { EventLookups } from './useEventLookups';
import { confirmWarnings } from './warnings';

interface AgendaRow {
  time: Dayjs | null;
  topic: string;
  speaker: string;
  organisation: string;
}

interface FormValues {
  title: string;
  typeId: string | undefined;
  ownerZoneId: string;
  coHostZoneIds: string[];
  allDay: boolean;
  startAt: Dayjs | null;
  endAt: Dayjs | null;
  venue: string;
  onlineUrl: string;
  capacity: number | null;
  registrationDeadline: Dayjs | null;
  description: string;
  agenda: AgendaRow[];
  linkedScenarioIds: string[];
  linkedResourceIds: string[];
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
}

type Fields = Omit<EventCreateInput, 'ownerZoneId'> & { ownerZoneId: string };

/** The form's starting values: every field named, so the core's field messages always find their field. */
function initialValues(source: Partial<EventCreateInput> | null, ownZone: string, defaultType: string | undefined): FormValues {
  const allDay = source?.allDay ?? false;
  return {
    title: source?.title ?? '',
    typeId: source?.typeId ?? defaultType,
    ownerZoneId: source?.ownerZoneId ?? ownZone,
    coHostZoneIds: source?.coHostZoneIds ?? [],
    allDay,
    startAt: source?.startAt ? isoToPicker(source.startAt) : null,
    // An all-day event shows its last day; the end stored is the day after, 00:00.
    endAt: source?.endAt ? (allDay ? dayjs(lastDayOf(source.endAt)) : isoToPicker(source.endAt)) : null,
    venue: source?.venue ?? '',
    onlineUrl: source?.onlineUrl ?? '',
    capacity: source?.capacity ?? null,
    registrationDeadline: source?.registrationDeadline ? dayjs(source.registrationDeadline) : null,
    description: source?.description ?? '',
    agenda: (source?.agenda ?? []).map((a) => ({ time: dayjs(`2000-01-01T${a.time}`), topic: a.topic, speaker: a.speaker ?? '', organisation: a.organisation ?? '' })),
    linkedScenarioIds: source?.linkedScenarioIds ?? [],
    linkedResourceIds: source?.linkedResourceIds ?? [],
    contactPerson: source?.contactPerson ?? '',
    contactPhone: source?.contactPhone ?? '',
    contactEmail: source?.contactEmail ?? '',
  };
}

function toFields(v: FormValues): Fields {
  const start = v.startAt as Dayjs;
  const end = v.endAt as Dayjs;
  return {
    title: v.title,
    typeId: v.typeId ?? '',
    ownerZoneId: v.ownerZoneId,
    coHostZoneIds: v.coHostZoneIds ?? [],
    allDay: v.allDay,
    startAt: pickerToIso(start, v.allDay),
    endAt: v.allDay ? `${addDays(end.format('YYYY-MM-DD'), 1)}T00:00:00+08:00` : pickerToIso(end),
    venue: v.venue ?? '',
    onlineUrl: (v.onlineUrl ?? '').trim(),
    capacity: v.capacity ?? null,
    registrationDeadline: v.registrationDeadline ? v.registrationDeadline.format('YYYY-MM-DD') : '',
    description: v.description ?? '',
    agenda: (v.agenda ?? []).map((a): AgendaItem => ({ time: a.time ? a.time.format('HH:mm') : '', topic: a.topic ?? '', speaker: a.speaker ?? '', organisation: a.organisation ?? '' })),
    linkedScenarioIds: v.linkedScenarioIds ?? [],
    linkedResourceIds: v.linkedResourceIds ?? [],
    contactPerson: v.contactPerson ?? '',
    contactPhone: v.contactPhone ?? '',
    contactEmail: v.contactEmail ?? '',
  };
}

const WHEN_KEYS = ['startAt', 'endAt', 'ownerZoneId', 'coHostZoneIds', 'venue'] as const;

/**
 * Plan or edit an event. Before saving, the core's warnings (holidays, 调休, busy zones, a
 * taken venue, a crowded day) are shown: 仍然保存 / 返回修改. A refused save marks the fields
 * and keeps every value typed.
 */
export function EventFormModal({ event, draft, lookups, onClose, onSaved }: { event: EventDetail | null; draft?: Partial<EventCreateInput> | null; lookups: EventLookups; onClose(): void; onSaved(saved: AllianceEvent): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const allDay = Form.useWatch('allDay', form) ?? event?.allDay ?? draft?.allDay ?? false;
  const label = (key: string) => t(`events.field.${key}`);
  const required = (key: string) => [{ required: true, message: `${label(key)}：${t('events.required')}` }];
  const [initial] = useState(() => initialValues(event ?? draft ?? null, installation.zoneId, lookups.typeOptions[0]?.value));

  // Event types may arrive after the form opened: default to the first one then — only when
  // nothing chose a type (a draft's type, e.g. 项目路演, must survive: the form store may not
  // hold the initial values yet when this runs).
  const firstType = lookups.typeOptions[0]?.value;
  useEffect(() => {
    if (firstType && !initial.typeId && !form.getFieldValue('typeId')) form.setFieldValue('typeId', firstType);
  }, [firstType, form, initial.typeId]);

  function switchAllDay(on: boolean) {
    const { startAt, endAt } = form.getFieldsValue(['startAt', 'endAt']) as Pick<FormValues, 'startAt' | 'endAt'>;
    if (on) {
      form.setFieldsValue({ startAt: startAt?.startOf('day') ?? null, endAt: (endAt ?? startAt)?.startOf('day') ?? null });
    } else {
      form.setFieldsValue({ startAt: startAt ? startAt.hour(9).minute(0) : null, endAt: endAt ? endAt.hour(17).minute(0) : startAt ? startAt.hour(17).minute(0) : null });
    }
  }

  async function submit(values: FormValues) {
    if (!values.startAt || !values.endAt) return;
    const fields = toFields(values);
    if (Date.parse(fields.endAt) <= Date.parse(fields.startAt)) {
      form.setFields([{ name: 'endAt', errors: [t('events.endBeforeStart')] }]);
      return;
    }
    setSaving(true);
    try {
      const whenChanged = !event || WHEN_KEYS.some((key) => JSON.stringify(fields[key]) !== JSON.stringify(event[key]));
      if (whenChanged) {
        const warnings = await api.call('events.check', { ...(event ? { id: event.id } : {}), startAt: fields.startAt, endAt: fields.endAt, ownerZoneId: fields.ownerZoneId, coHostZoneIds: fields.coHostZoneIds, venue: fields.venue });
        if (!(await confirmWarnings(modal, t, warnings))) return;
      }
      const saved = event ? await api.call('events.update', { id: event.id, version: event.version, patch: fields }) : await api.call('events.create', fields);
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  const dateFormat = allDay ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm';
  const showTime = allDay ? false : { format: 'HH:mm', minuteStep: 5 as const };

  return (
    <Modal
      open
      width={880}
      title={event ? `${t('events.edit')} · ${event.title}` : draft?.title ? `${t('events.add')} · ${draft.title}` : t('events.add')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'event-form', loading: saving }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<FormValues>
        id="event-form"
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16, maxHeight: '70vh', overflowY: 'auto', paddingInlineEnd: 8 }}
        data-testid="event-form"
      >
        <Form.Item name="title" label={label('title')} rules={required('title')} style={{ gridColumn: 'span 2' }}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item name="typeId" label={label('typeId')} rules={required('typeId')}>
          <Select options={lookups.typeOptions} />
        </Form.Item>
        <Form.Item name="ownerZoneId" label={label('ownerZoneId')} rules={required('ownerZoneId')} extra={installation.role === 'secretariat' ? undefined : t('events.ownZoneOnly')}>
          <Select disabled={installation.role !== 'secretariat'} showSearch={{ optionFilterProp: 'label' }} options={lookups.zoneOptions} />
        </Form.Item>
        <Form.Item name="coHostZoneIds" label={label('coHostZoneIds')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={lookups.zoneOptions} maxCount={30} maxTagCount="responsive" />
        </Form.Item>
        <Form.Item name="allDay" label={label('allDay')} valuePropName="checked">
          <Switch onChange={switchAllDay} />
        </Form.Item>
        <Form.Item name="startAt" label={allDay ? t('events.field.startDay') : label('startAt')} rules={required('startAt')} extra={t('events.beijingTime')}>
          <DatePicker showTime={showTime} format={dateFormat} needConfirm={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endAt" label={allDay ? t('events.field.endDay') : label('endAt')} rules={required('endAt')}>
          <DatePicker showTime={showTime} format={dateFormat} needConfirm={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="venue" label={label('venue')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="onlineUrl" label={label('onlineUrl')}>
          <Input maxLength={500} placeholder="https://" inputMode="url" />
        </Form.Item>
        <Form.Item name="capacity" label={label('capacity')} extra={t('events.capacityHelp')}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="registrationDeadline" label={label('registrationDeadline')} extra={t('events.deadlineHelp')}>
          <DatePicker format="YYYY-MM-DD" needConfirm={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={label('description')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <AgendaEditor />
        <Form.Item name="linkedScenarioIds" label={label('linkedScenarioIds')}>
          <RecordPicker kind="scenario" known={event?.linkedScenarios ?? []} placeholder={t('events.linkPlaceholder')} />
        </Form.Item>
        <Form.Item name="linkedResourceIds" label={label('linkedResourceIds')}>
          <RecordPicker kind="resource" known={event?.linkedResources ?? []} placeholder={t('events.linkPlaceholder')} />
        </Form.Item>
        <Divider style={{ gridColumn: 'span 2', margin: '4px 0 12px' }}>{t('events.section.contact')}</Divider>
        <ContactFields label={label} personOptional />
      </Form>
    </Modal>
  );
}
