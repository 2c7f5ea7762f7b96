import { App as AntApp, Button, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorDef } from '../../../../shared/domain/indicators';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';

interface Values {
  code: string;
  name: string;
  unit: string;
  sortOrder: number;
  active: boolean;
}

/** 指标设置 (secretariat): the configurable list of indicators — name, unit, order, active. */
export function IndicatorDefsModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [defs, setDefs] = useState<IndicatorDef[]>([]);
  const [editing, setEditing] = useState<IndicatorDef | 'new' | null>(null);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => setDefs(await api.call('indicators.defs', { includeInactive: true })), [api]);
  useEffect(() => void load().catch((e: unknown) => showFailure(e, message.error)), [load, message]);

  async function save(values: Values) {
    try {
      const current = editing === 'new' ? null : editing;
      await api.call('indicators.saveDef', { ...values, unit: values.unit ?? '', ...(current ? { id: current.id, version: current.version, code: current.code } : {}) });
      message.success(t('indicators.defs.saved'));
      setEditing(null);
      await load();
    } catch (error) {
      showFailure(error, message.error, form);
    }
  }

  const label = (key: string) => t(`indicators.defs.${key}`);
  return (
    <Modal open width={720} title={t('indicators.defs.title')} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>} destroyOnHidden>
      <div style={{ textAlign: 'end', marginBottom: 8 }}>
        <Button onClick={() => setEditing('new')}>{t('indicators.defs.add')}</Button>
      </div>
      <Table<IndicatorDef>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={defs}
        data-testid="indicator-defs"
        columns={[
          { title: label('name'), dataIndex: 'name' },
          { title: label('unit'), dataIndex: 'unit', width: 90 },
          { title: label('code'), dataIndex: 'code', width: 150 },
          { title: label('sortOrder'), dataIndex: 'sortOrder', width: 70 },
          { title: label('active'), dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">{t('zones.active')}</Tag> : <Tag>{t('zones.inactive')}</Tag>) },
          { title: '', key: 'edit', width: 70, render: (_, d) => <Button type="link" size="small" onClick={() => setEditing(d)}>{t('common.edit')}</Button> },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('indicators.defs.add') : `${t('common.edit')} · ${editing?.name ?? ''}`}
        onCancel={() => setEditing(null)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ htmlType: 'submit', form: 'indicator-def-form' }}
        destroyOnHidden
      >
        <Form<Values>
          id="indicator-def-form"
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={editing && editing !== 'new' ? editing : { unit: '', sortOrder: (defs.at(-1)?.sortOrder ?? 0) + 10, active: true }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item name="name" label={label('name')} rules={[{ required: true, message: `${label('name')}：必填` }]}>
            <Input autoFocus maxLength={30} />
          </Form.Item>
          <Form.Item name="code" label={label('code')} extra={t('indicators.defs.codeHelp')} rules={[{ required: true, message: `${label('code')}：必填` }]}>
            <Input maxLength={32} disabled={editing !== 'new'} />
          </Form.Item>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
            <Form.Item name="unit" label={label('unit')}>
              <Input maxLength={10} placeholder="亿元 / 家 / 个" />
            </Form.Item>
            <Form.Item name="sortOrder" label={label('sortOrder')}>
              <InputNumber min={0} max={100000} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="active" label={label('active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </div>
        </Form>
      </Modal>
    </Modal>
  );
}
