import { App as AntApp, Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceCategory } from '../../../../shared/domain/resource';
import { FIELD_SET_KEYS, type FieldSetKey } from '../../../../shared/domain/resource-fields';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';

interface Values {
  code: string;
  name: string;
  fieldSet: FieldSetKey;
  sortOrder: number;
  active: boolean;
}

/** 资源类别: the secretariat renames, orders, adds or deactivates resource categories. */
export function CategoriesCard() {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [categories, setCategories] = useState<ResourceCategory[]>([]);
  const [editing, setEditing] = useState<ResourceCategory | 'new' | null>(null);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => setCategories(await api.call('categories.list', { includeInactive: true })), [api]);
  useEffect(() => void load(), [load]);

  async function save(values: Values) {
    try {
      const current = editing === 'new' ? null : editing;
      await api.call('categories.save', { ...values, ...(current ? { id: current.id, version: current.version } : {}) });
      message.success(t('categories.saved'));
      setEditing(null);
      await load();
    } catch (error) {
      showFailure(error, message.error, form);
    }
  }

  return (
    <Card title={t('categories.title')} extra={<Button onClick={() => setEditing('new')}>{t('categories.add')}</Button>}>
      <Table<ResourceCategory>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={categories}
        columns={[
          { title: t('categories.name'), dataIndex: 'name' },
          { title: t('categories.fieldSet'), dataIndex: 'fieldSet', render: (v: FieldSetKey) => t(`categories.fieldSets.${v}`) },
          { title: t('categories.sortOrder'), dataIndex: 'sortOrder', width: 70 },
          { title: t('categories.active'), dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">{t('zones.active')}</Tag> : <Tag>{t('zones.inactive')}</Tag>) },
          { title: '', key: 'edit', width: 80, render: (_, c) => <Button type="link" size="small" onClick={() => setEditing(c)}>{t('common.edit')}</Button> },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('categories.add') : t('common.edit')} onCancel={() => setEditing(null)} okButtonProps={{ htmlType: 'submit', form: 'category-form' }} destroyOnHidden>
        <Form<Values>
          id="category-form"
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={editing && editing !== 'new' ? editing : { fieldSet: 'service', sortOrder: 100, active: true }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item name="name" label={t('categories.name')} rules={[{ required: true, message: `${t('categories.name')}：必填` }]}>
            <Input autoFocus maxLength={30} />
          </Form.Item>
          <Form.Item name="code" label={t('categories.code')} rules={[{ required: true, message: `${t('categories.code')}：必填` }]}>
            <Input maxLength={24} />
          </Form.Item>
          <Form.Item name="fieldSet" label={t('categories.fieldSet')}>
            <Select options={FIELD_SET_KEYS.map((k) => ({ value: k, label: t(`categories.fieldSets.${k}`) }))} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('categories.sortOrder')}>
            <InputNumber min={0} max={999} />
          </Form.Item>
          <Form.Item name="active" label={t('categories.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
