import { App as AntApp, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorTable } from '../../../../shared/domain/indicators';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { plainValue } from '../plan/format';

type Values = Record<string, number | null> & { zoneId: string };

/** 填报: one zone's values for the year (members: their own zone; a blank clears a value). */
export function IndicatorEntryModal({ year, table, zoneId, onClose, onSaved }: { year: number; table: IndicatorTable; zoneId: string; onClose(): void; onSaved(table: IndicatorTable): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const isSecretariat = installation.role === 'secretariat';
  const selectedZone = (Form.useWatch('zoneId', form) as string | undefined) ?? zoneId;
  const row = table.zones.find((z) => z.zoneId === selectedZone);

  function valuesOf(id: string): Record<string, number | null> {
    const r = table.zones.find((z) => z.zoneId === id);
    return Object.fromEntries(table.indicators.map((i) => [`v_${i.id}`, r?.values[i.id] ?? null]));
  }

  async function submit(v: Values) {
    setSaving(true);
    try {
      const values = Object.fromEntries(table.indicators.map((i) => [i.id, typeof v[`v_${i.id}`] === 'number' ? (v[`v_${i.id}`] as number) : null]));
      const next = await api.call('indicators.save', { zoneId: v.zoneId, year, values });
      message.success(t('indicators.saved', { zone: row?.zoneName ?? '', year }));
      onSaved(next);
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  const zones = isSecretariat ? table.zones : table.zones.filter((z) => z.zoneId === installation.zoneId);
  return (
    <Modal
      open
      width={560}
      title={t('indicators.entryTitle', { year })}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'indicator-entry-form', loading: saving }}
      destroyOnHidden
    >
      <Form<Values>
        id="indicator-entry-form"
        form={form}
        layout="horizontal"
        labelCol={{ span: 9 }}
        initialValues={{ zoneId, ...valuesOf(zoneId) }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.zoneId) form.setFieldsValue(valuesOf(changed.zoneId) as Partial<Values>);
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="zoneId" label={t('indicators.zone')} extra={isSecretariat ? null : t('indicators.memberHint')}>
          <Select disabled={!isSecretariat} showSearch={{ optionFilterProp: 'label' }} options={zones.map((z) => ({ value: z.zoneId, label: z.zoneName }))} />
        </Form.Item>
        {table.indicators.map((i) => (
          <Form.Item
            key={i.id}
            name={`v_${i.id}`}
            label={i.name}
            extra={row && row.previous[i.id] !== null ? <Typography.Text type="secondary">{t('indicators.previous', { year: year - 1, value: `${plainValue(row.previous[i.id], i18n.language)} ${i.unit}` })}</Typography.Text> : null}
          >
            <InputNumber<number> aria-label={i.name} min={0} max={1e9} style={{ width: 220 }} suffix={i.unit} placeholder={t('indicators.blank')} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
