import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioCategory } from '../../../../shared/domain/scenario';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';

interface Values {
  code: string;
  name: string;
  keywords: string[];
  sortOrder: number;
  active: boolean;
}

/**
 * 场景类别 (the X): the secretariat adds, renames, orders and deactivates categories and edits
 * each one's 领域关键词 — the words that make a resource count as "同属…领域" in matching.
 */
export function ScenarioCategoriesCard() {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [categories, setCategories] = useState<ScenarioCategory[]>([]);
  const [editing, setEditing] = useState<ScenarioCategory | 'new' | null>(null);
  const [moving, setMoving] = useState(false);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => setCategories(await api.call('scenarioCategories.list', { includeInactive: true })), [api]);
  useEffect(() => void load(), [load]);

  const fieldsOf = (c: ScenarioCategory): Values => ({ code: c.code, name: c.name, keywords: c.keywords, sortOrder: c.sortOrder, active: c.active });

  async function save(values: Values) {
    try {
      const current = editing === 'new' ? null : editing;
      await api.call('scenarioCategories.save', { ...values, keywords: values.keywords ?? [], ...(current ? { id: current.id, version: current.version } : {}) });
      message.success(t('scenarioCategories.saved'));
      setEditing(null);
      await load();
    } catch (error) {
      showFailure(error, message.error, form);
    }
  }

  /** Swaps a category with its neighbour; equal orders are first spread apart so the swap shows. */
  async function move(index: number, delta: -1 | 1) {
    const a = categories[index];
    const b = categories[index + delta];
    if (!a || !b) return;
    const [first, second] = delta < 0 ? [b, a] : [a, b];
    const lower = first.sortOrder;
    const upper = second.sortOrder > lower ? second.sortOrder : lower + 1;
    setMoving(true);
    try {
      // After the swap `second` comes first: it takes the lower order, `first` the upper one.
      await api.call('scenarioCategories.save', { ...fieldsOf(second), id: second.id, version: second.version, sortOrder: lower });
      await api.call('scenarioCategories.save', { ...fieldsOf(first), id: first.id, version: first.version, sortOrder: upper });
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setMoving(false);
      await load();
    }
  }

  return (
    <Card title={t('scenarioCategories.title')} extra={<Button onClick={() => setEditing('new')}>{t('scenarioCategories.add')}</Button>} data-testid="scenario-categories">
      <Typography.Paragraph type="secondary">{t('scenarioCategories.intro')}</Typography.Paragraph>
      <Table<ScenarioCategory>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={categories}
        rowClassName={(c) => (c.active ? '' : 'zone-inactive')}
        columns={[
          {
            title: t('scenarioCategories.order'),
            key: 'order',
            width: 76,
            render: (_, c, index) => (
              <Space size={0}>
                <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={moving || index === 0} aria-label={t('scenarioCategories.moveUp', { name: c.name })} onClick={() => void move(index, -1)} />
                <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={moving || index === categories.length - 1} aria-label={t('scenarioCategories.moveDown', { name: c.name })} onClick={() => void move(index, 1)} />
              </Space>
            ),
          },
          { title: t('scenarioCategories.name'), dataIndex: 'name', width: 150, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
          {
            title: t('scenarioCategories.keywords'),
            dataIndex: 'keywords',
            render: (words: string[]) =>
              words.length === 0 ? (
                <Typography.Text type="warning">{t('scenarioCategories.noKeywords')}</Typography.Text>
              ) : (
                <span>
                  {words.map((w) => (
                    <Tag key={w} style={{ marginBottom: 2 }}>
                      {w}
                    </Tag>
                  ))}
                </span>
              ),
          },
          { title: t('scenarioCategories.active'), dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">{t('zones.active')}</Tag> : <Tag>{t('zones.inactive')}</Tag>) },
          { title: '', key: 'edit', width: 70, render: (_, c) => <Button type="link" size="small" onClick={() => setEditing(c)}>{t('common.edit')}</Button> },
        ]}
      />
      <Modal
        open={editing !== null}
        width={600}
        title={editing === 'new' ? t('scenarioCategories.add') : `${t('common.edit')} · ${editing?.name ?? ''}`}
        onCancel={() => setEditing(null)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ htmlType: 'submit', form: 'scenario-category-form' }}
        destroyOnHidden
      >
        <Form<Values>
          id="scenario-category-form"
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={editing && editing !== 'new' ? fieldsOf(editing) : { code: '', name: '', keywords: [], sortOrder: (categories.at(-1)?.sortOrder ?? 0) + 10, active: true }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item name="name" label={t('scenarioCategories.name')} rules={[{ required: true, whitespace: true, message: `${t('scenarioCategories.name')}：${t('scenarios.required')}` }]}>
            <Input autoFocus maxLength={30} />
          </Form.Item>
          <Form.Item name="code" label={t('scenarioCategories.code')} extra={t('scenarioCategories.codeHelp')} rules={[{ required: true, message: `${t('scenarioCategories.code')}：${t('scenarios.required')}` }]}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="keywords" label={t('scenarioCategories.keywords')} extra={t('scenarioCategories.keywordsHelp')}>
            <Select mode="tags" open={false} maxCount={30} tokenSeparators={[',', '，', '、', ' ']} aria-label={t('scenarioCategories.keywords')} />
          </Form.Item>
          <Space size="large">
            <Form.Item name="sortOrder" label={t('scenarioCategories.sortOrder')}>
              <InputNumber min={0} max={100000} precision={0} />
            </Form.Item>
            <Form.Item name="active" label={t('scenarioCategories.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
