import { App as AntApp, Divider, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHARING_MODES, type Resource, type ResourceCreateInput } from '../../../../shared/domain/resource';
import { useApp, useInstallation } from '../../app/AppContext';
import { ContactFields } from '../../ui/ContactFields';
import { showFailure } from '../../ui/errors';
import { CategoryFields } from './CategoryFields';
import type { useLookups } from './useLookups';

type FormValues = ResourceCreateInput;

/** Register or edit a resource. Common fields, then the category's own fields; the core validates. */
export function ResourceFormModal({ resource, lookups, onClose, onSaved }: { resource: Resource | null; lookups: ReturnType<typeof useLookups>; onClose(): void; onSaved(resource: Resource): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const categoryId = Form.useWatch('categoryId', form) ?? resource?.categoryId;
  const sharingMode = Form.useWatch('sharingMode', form) ?? resource?.sharingMode;
  const category = lookups.categories.find((c) => c.id === categoryId);
  const label = (key: string) => t(`resources.field.${key}`);
  const required = (key: string) => [{ required: true, message: `${label(key)}：必填` }];

  async function submit(values: FormValues) {
    const fields = { ...values, feeAmount: values.feeAmount ?? null, tags: values.tags ?? [], extra: values.extra ?? {} };
    setSaving(true);
    try {
      const saved = resource ? await api.call('resources.update', { id: resource.id, version: resource.version, patch: fields }) : await api.call('resources.create', fields);
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  const initial: Partial<FormValues> = resource
    ? { ...resource, extra: resource.extra }
    : { ownerZoneId: installation.zoneId, sharingMode: 'negotiable', tags: [], extra: {} };

  return (
    <Modal
      open
      width={760}
      title={resource ? `${t('resources.edit')} · ${resource.title}` : t('resources.add')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'resource-form', loading: saving }}
      destroyOnHidden
    >
      <Form<FormValues> id="resource-form" form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        <Form.Item name="categoryId" label={label('categoryId')} rules={required('categoryId')}>
          <Select autoFocus options={lookups.categories.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))} onChange={() => form.setFieldValue('extra', {})} />
        </Form.Item>
        <Form.Item name="ownerZoneId" label={label('ownerZoneId')}>
          <Select disabled={installation.role !== 'secretariat'} showSearch={{ optionFilterProp: 'label' }} options={lookups.zones.filter((z) => z.active).map((z) => ({ value: z.id, label: z.shortName }))} />
        </Form.Item>
        <Form.Item name="title" label={label('title')} rules={required('title')} style={{ gridColumn: 'span 2' }}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="organisation" label={label('organisation')} rules={required('organisation')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="location" label={label('location')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={label('description')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="sharingMode" label={label('sharingMode')} rules={required('sharingMode')}>
          <Radio.Group options={SHARING_MODES.map((m) => ({ value: m, label: t(`resources.sharing.${m}`) }))} />
        </Form.Item>
        <Form.Item name="feeAmount" label={label('feeAmount')}>
          <InputNumber style={{ width: '100%' }} min={0} />
        </Form.Item>
        {sharingMode === 'paid' ? (
          <Form.Item name="feeStandard" label={label('feeStandard')} rules={required('feeStandard')} style={{ gridColumn: 'span 2' }}>
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        <ContactFields label={label} />
        <Form.Item name="tags" label={label('tags')}>
          <Select mode="tags" maxCount={10} open={false} />
        </Form.Item>
        {category ? (
          <>
            <Divider style={{ gridColumn: 'span 2', margin: '4px 0 12px' }}>{t('resources.specific')} · {category.name}</Divider>
            <CategoryFields fieldSet={category.fieldSet} />
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
