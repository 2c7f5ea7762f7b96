import { Alert, App as AntApp, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPES, type ApplicationCreateInput, type OrganisationType } from '../../../../shared/domain/scenario-application';
import type { ScenarioDetail } from '../../../../shared/domain/scenario';
import { useApp, useInstallation } from '../../app/AppContext';
import { ContactFields } from '../../ui/ContactFields';
import { showFailure } from '../../ui/errors';
import type { ScenarioLookups } from './useScenarioLookups';

interface FormValues {
  applicantZoneId: string;
  organisation: string;
  organisationType: OrganisationType;
  proposalSummary: string;
  team: string;
  priorResults: string;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
}

/** 揭榜申报: an organisation applies to an open listing. The secretariat enters it for any zone, a member for its own. */
export function ApplicationFormModal({ scenario, lookups, onClose, onSaved }: { scenario: ScenarioDetail; lookups: ScenarioLookups; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const secretariat = installation.role === 'secretariat';
  const label = (key: string) => t(`applications.field.${key}`);
  const required = (key: string) => [{ required: true, whitespace: true, message: `${label(key)}：${t('scenarios.required')}` }];

  async function submit(v: FormValues) {
    const input: ApplicationCreateInput = {
      scenarioId: scenario.id,
      ...(secretariat ? { applicantZoneId: v.applicantZoneId } : {}),
      organisation: v.organisation.trim(),
      organisationType: v.organisationType,
      proposalSummary: v.proposalSummary,
      team: v.team ?? '',
      priorResults: v.priorResults ?? '',
      contactPerson: v.contactPerson,
      contactPhone: v.contactPhone ?? '',
      contactEmail: v.contactEmail ?? '',
    };
    setSaving(true);
    try {
      await api.call('applications.create', input);
      message.success(t('applications.created', { organisation: input.organisation }));
      onSaved();
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  const initial: FormValues = { applicantZoneId: installation.zoneId, organisation: '', organisationType: 'enterprise', proposalSummary: '', team: '', priorResults: '', contactPerson: '', contactPhone: '', contactEmail: '' };
  return (
    <Modal
      open
      width={720}
      title={t('applications.formTitle', { title: scenario.title })}
      onCancel={onClose}
      okText={t('applications.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'application-form', loading: saving }}
      maskClosable={false}
      destroyOnHidden
    >
      {scenario.deadline ? <Alert type="info" showIcon message={t('applications.deadlineNote', { date: scenario.deadline })} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues> id="application-form" form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: 16 }}>
        <Form.Item name="organisation" label={label('organisation')} rules={required('organisation')} style={{ gridColumn: 'span 2' }}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item name="organisationType" label={label('organisationType')} rules={required('organisationType')}>
          <Radio.Group optionType="button" options={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`applications.orgType.${o}`) }))} />
        </Form.Item>
        <Form.Item name="applicantZoneId" label={label('applicantZoneId')} rules={required('applicantZoneId')} extra={secretariat ? undefined : t('applications.ownZoneOnly')}>
          <Select disabled={!secretariat} showSearch={{ optionFilterProp: 'label' }} options={lookups.zones.filter((z) => z.active || z.id === installation.zoneId).map((z) => ({ value: z.id, label: z.shortName }))} />
        </Form.Item>
        <Form.Item name="proposalSummary" label={label('proposalSummary')} rules={required('proposalSummary')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={4} maxLength={3000} showCount placeholder={t('applications.proposalPlaceholder')} />
        </Form.Item>
        <Form.Item name="team" label={label('team')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('applications.teamPlaceholder')} />
        </Form.Item>
        <Form.Item name="priorResults" label={label('priorResults')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('applications.priorPlaceholder')} />
        </Form.Item>
        <ContactFields label={label} />
      </Form>
    </Modal>
  );
}
