import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldSetKey } from '../../../../shared/domain/resource-fields';
import { extraLabel, fieldDefs } from './labels';

/** The category-specific inputs, generated from the shared field definitions. */
export function CategoryFields({ fieldSet, disabled }: { fieldSet: FieldSetKey; disabled?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <>
      {fieldDefs(fieldSet).map((def) => (
        <Form.Item
          key={def.key}
          name={['extra', def.key]}
          label={extraLabel(def, i18n.language)}
          rules={def.required ? [{ required: true, message: `${def.label}：必填` }] : []}
          style={{ gridColumn: def.kind === 'textarea' ? 'span 2' : undefined }}
        >
          {control(def, i18n.language, disabled)}
        </Form.Item>
      ))}
    </>
  );
}

function control(def: FieldDef, language: string, disabled?: boolean) {
  switch (def.kind) {
    case 'text':
      return <Input maxLength={def.max} disabled={disabled} />;
    case 'textarea':
      return <Input.TextArea rows={3} maxLength={def.max} disabled={disabled} />;
    case 'number':
    case 'integer':
      return <InputNumber style={{ width: '100%' }} min={def.min} max={def.max} precision={def.kind === 'integer' ? 0 : undefined} suffix={def.unit} disabled={disabled} />;
    case 'enum':
      return <Select allowClear={!def.required} disabled={disabled} options={(def.options ?? []).map((o) => ({ value: o.value, label: language === 'en' ? o.labelEn : o.label }))} />;
  }
}
