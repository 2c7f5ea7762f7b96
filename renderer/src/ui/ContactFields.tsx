import { Form, Input } from 'antd';

/** Contact person (required unless `personOptional`), phone and e-mail: the same three inputs wherever a record has a contact. */
export function ContactFields({ label, personOptional = false }: { label(key: 'contactPerson' | 'contactPhone' | 'contactEmail'): string; personOptional?: boolean }) {
  return (
    <>
      <Form.Item name="contactPerson" label={label('contactPerson')} rules={personOptional ? [] : [{ required: true, message: `${label('contactPerson')}：必填` }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="contactPhone" label={label('contactPhone')}>
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      <Form.Item name="contactEmail" label={label('contactEmail')}>
        <Input maxLength={120} inputMode="email" />
      </Form.Item>
    </>
  );
}
