import { App as AntApp, DatePicker, Divider, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCENARIO_KINDS, type Scenario, type ScenarioCreateInput, type ScenarioKind, type ScoringCriterion } from '../../../../shared/domain/scenario';
import { useApp, useInstallation } from '../../app/AppContext';
import { ContactFields } from '../../ui/ContactFields';
import { showFailure } from '../../ui/errors';
import { CriteriaEditor } from './CriteriaEditor';
import type { ScenarioLookups } from './useScenarioLookups';

interface FormValues {
  categoryId?: string;
  kind: ScenarioKind;
  ownerZoneId?: string;
  title?: string;
  demandOrganisation?: string;
  description?: string;
  requirements?: string;
  expectedOutcome?: string;
  budgetMinWan?: number | null;
  budgetMaxWan?: number | null;
  rewardWan?: number | null;
  period?: [Dayjs | null, Dayjs | null] | null;
  deadline?: Dayjs | null;
  contactPerson?: string;
  contactPhone?: string;
  contactEmail?: string;
  tags?: string[];
  criteria?: Array<Partial<ScoringCriterion>>;
}

const DATE = 'YYYY-MM-DD';
const day = (value: string) => (value ? dayjs(value, DATE) : null);

/** Core fields the form edits under another name (the two period dates are one range picker). */
const ALIASES = { periodStart: 'period', periodEnd: 'period' };

/**
 * Publish or edit a listing: what is wanted, by whom, for how much and until when, and how
 * applications will be scored. The core validates; its per-field messages appear under the
 * fields and nothing typed is lost.
 */
export function ScenarioFormModal({ scenario, lookups, onClose, onSaved }: { scenario: Scenario | null; lookups: ScenarioLookups; onClose(): void; onSaved(scenario: Scenario): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? scenario?.kind ?? 'opportunity';
  const label = (key: string) => t(`scenarios.field.${key}`);
  const required = (key: string) => [{ required: true, whitespace: true, message: `${label(key)}：${t('scenarios.required')}` }];
  const secretariat = installation.role === 'secretariat';

  async function submit(v: FormValues) {
    const fields: ScenarioCreateInput = {
      categoryId: v.categoryId ?? '',
      kind: v.kind,
      ...(secretariat && v.ownerZoneId ? { ownerZoneId: v.ownerZoneId } : {}),
      title: v.title ?? '',
      demandOrganisation: v.demandOrganisation ?? '',
      description: v.description ?? '',
      requirements: v.requirements ?? '',
      expectedOutcome: v.expectedOutcome ?? '',
      budgetMinWan: v.budgetMinWan ?? null,
      budgetMaxWan: v.budgetMaxWan ?? null,
      rewardWan: v.kind === 'challenge' ? (v.rewardWan ?? null) : null,
      periodStart: v.period?.[0]?.format(DATE) ?? '',
      periodEnd: v.period?.[1]?.format(DATE) ?? '',
      deadline: v.deadline?.format(DATE) ?? '',
      contactPerson: v.contactPerson ?? '',
      contactPhone: v.contactPhone ?? '',
      contactEmail: v.contactEmail ?? '',
      tags: v.tags ?? [],
      criteria: (v.criteria ?? []).map((c) => ({ key: c.key ?? '', name: (c.name ?? '').trim(), weight: c.weight ?? 0 })),
    };
    setSaving(true);
    try {
      let saved: Scenario;
      if (scenario) {
        // Criteria are sent only when changed: once scored, the core keeps them fixed.
        const { criteria, ...rest } = fields;
        const patch = JSON.stringify(criteria) === JSON.stringify(scenario.criteria) ? rest : fields;
        saved = await api.call('scenarios.update', { id: scenario.id, version: scenario.version, patch });
      } else {
        saved = await api.call('scenarios.create', fields);
      }
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      showFailure(error, message.error, form, ALIASES);
    } finally {
      setSaving(false);
    }
  }

  // Every field named, so a core message for an untouched field still finds its input.
  const initial: FormValues = scenario
    ? {
        ...scenario,
        period: scenario.periodStart || scenario.periodEnd ? [day(scenario.periodStart), day(scenario.periodEnd)] : null,
        deadline: day(scenario.deadline),
        criteria: scenario.criteria.map((c) => ({ ...c })),
      }
    : {
        categoryId: undefined,
        kind: 'opportunity',
        ownerZoneId: installation.zoneId,
        title: '',
        demandOrganisation: '',
        description: '',
        requirements: '',
        expectedOutcome: '',
        budgetMinWan: null,
        budgetMaxWan: null,
        rewardWan: null,
        period: null,
        deadline: null,
        contactPerson: '',
        contactPhone: '',
        contactEmail: '',
        tags: [],
        criteria: [],
      };
  const categories = lookups.categories.filter((c) => c.active || c.id === scenario?.categoryId);

  return (
    <Modal
      open
      width={820}
      title={scenario ? `${t('scenarios.edit')} · ${scenario.title}` : t('scenarios.add')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'scenario-form', loading: saving }}
      maskClosable={false}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
    >
      <Form<FormValues>
        id="scenario-form"
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        scrollToFirstError={{ block: 'center' }}
        style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: 16 }}
      >
        <Form.Item name="title" label={label('title')} rules={required('title')} style={{ gridColumn: 'span 2' }}>
          <Input autoFocus maxLength={100} placeholder={t('scenarios.placeholder.title')} />
        </Form.Item>
        <Form.Item name="kind" label={label('kind')} rules={required('kind')} style={{ gridColumn: 'span 2' }}>
          <Radio.Group optionType="button" buttonStyle="solid" options={SCENARIO_KINDS.map((k) => ({ value: k, label: t(`scenarios.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="categoryId" label={label('categoryId')} rules={required('categoryId')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        {secretariat ? (
          <Form.Item name="ownerZoneId" label={label('ownerZoneId')} rules={required('ownerZoneId')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={lookups.zones.filter((z) => z.active || z.id === scenario?.ownerZoneId).map((z) => ({ value: z.id, label: z.shortName }))} />
          </Form.Item>
        ) : (
          <Form.Item label={label('ownerZoneId')}>
            <Input disabled value={lookups.zoneName(scenario?.ownerZoneId ?? installation.zoneId)} />
          </Form.Item>
        )}
        <Form.Item name="demandOrganisation" label={label('demandOrganisation')} rules={required('demandOrganisation')} style={{ gridColumn: 'span 2' }}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={label('description')} rules={required('description')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={3} maxLength={5000} showCount placeholder={t('scenarios.placeholder.description')} />
        </Form.Item>
        <Form.Item name="requirements" label={label('requirements')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={2} maxLength={3000} placeholder={t('scenarios.placeholder.requirements')} />
        </Form.Item>
        <Form.Item name="expectedOutcome" label={label('expectedOutcome')} style={{ gridColumn: 'span 2' }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>

        <Divider style={{ gridColumn: 'span 2', margin: '0 0 12px' }}>{t('scenarios.section.money')}</Divider>
        <Form.Item name="budgetMinWan" label={label('budgetMinWan')}>
          <InputNumber style={{ width: '100%' }} min={0} max={10_000_000} suffix={t('scenarios.wan')} />
        </Form.Item>
        <Form.Item name="budgetMaxWan" label={label('budgetMaxWan')}>
          <InputNumber style={{ width: '100%' }} min={0} max={10_000_000} suffix={t('scenarios.wan')} />
        </Form.Item>
        {kind === 'challenge' ? (
          <Form.Item name="rewardWan" label={label('rewardWan')} extra={t('scenarios.help.reward')}>
            <InputNumber style={{ width: '100%' }} min={0} max={10_000_000} suffix={t('scenarios.wan')} />
          </Form.Item>
        ) : null}
        <Form.Item name="deadline" label={label('deadline')} extra={kind === 'capability' ? t('scenarios.help.deadlineCapability') : t('scenarios.help.deadline')}>
          <DatePicker style={{ width: '100%' }} format={DATE} />
        </Form.Item>
        <Form.Item name="period" label={label('period')} style={{ gridColumn: kind === 'challenge' ? 'span 2' : undefined }}>
          <DatePicker.RangePicker style={{ width: '100%' }} format={DATE} allowEmpty={[true, true]} placeholder={[label('periodStart'), label('periodEnd')]} />
        </Form.Item>

        <Divider style={{ gridColumn: 'span 2', margin: '0 0 12px' }}>{t('scenarios.section.contact')}</Divider>
        <ContactFields label={label} />
        <Form.Item name="tags" label={label('tags')} extra={t('scenarios.help.tags')}>
          <Select mode="tags" maxCount={10} open={false} tokenSeparators={[',', '，', '、', ';', '；']} aria-label={label('tags')} />
        </Form.Item>

        <Divider style={{ gridColumn: 'span 2', margin: '0 0 12px' }}>{t('scenarios.section.criteria')}</Divider>
        <Typography.Paragraph type="secondary" style={{ gridColumn: 'span 2', marginTop: 0 }}>
          {t('scenarios.criteria.intro')}
        </Typography.Paragraph>
        <CriteriaEditor />
      </Form>
    </Modal>
  );
}
