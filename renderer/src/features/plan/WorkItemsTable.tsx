import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORK_ITEM_STATUSES, type WorkItem, type WorkItemStatus } from '../../../../shared/domain/plan';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import type { PlanLookups } from './usePlanLookups';

const STATUS_COLORS: Record<WorkItemStatus, string> = { todo: 'default', doing: 'processing', done: 'success', blocked: 'error' };

/**
 * 重点工作: title, leading zone, due date, status and progress notes. The secretariat adds and
 * edits items; the leading zone reports its status and progress on its own items.
 */
export function WorkItemsTable({ year, items, lookups, focusId, onSaved }: { year: number; items: WorkItem[]; lookups: PlanLookups; focusId: string | null; onSaved(): void }) {
  const { t } = useTranslation();
  const installation = useInstallation();
  const isSecretariat = installation.role === 'secretariat';
  const [editing, setEditing] = useState<WorkItem | 'new' | null>(null);

  useEffect(() => {
    if (!focusId) return;
    document.querySelector(`[data-row-key="${focusId}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focusId, items]);

  const mayReport = (w: WorkItem) => isSecretariat || w.ownerZoneId === installation.zoneId;

  return (
    <Card
      size="small"
      title={t('plan.work.title')}
      style={{ marginTop: 16 }}
      data-testid="work-items"
      extra={
        isSecretariat ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('plan.work.add')}
          </Button>
        ) : null
      }
    >
      <Table<WorkItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('plan.work.empty') }}
        rowClassName={(w) => [w.overdue ? 'plan-overdue' : '', w.id === focusId ? 'plan-focus' : ''].join(' ')}
        columns={[
          { title: t('plan.work.field.title'), dataIndex: 'title', render: (v: string, w) => <span data-testid="work-item-title">{v}{w.isDemo ? <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('app.demo')}</Tag> : null}</span> },
          { title: t('plan.work.field.ownerZoneId'), dataIndex: 'ownerZoneName', width: 130 },
          {
            title: t('plan.work.field.dueDate'),
            dataIndex: 'dueDate',
            width: 150,
            render: (v: string, w) => (
              <span className={w.overdue ? 'plan-overdue-date' : ''} data-testid="work-item-due">
                {v}
                {w.overdue ? <Tag color="red" style={{ marginInlineStart: 6 }}>{t('plan.work.overdue')}</Tag> : null}
              </span>
            ),
          },
          { title: t('plan.work.field.status'), dataIndex: 'status', width: 96, render: (v: WorkItemStatus) => <Tag color={STATUS_COLORS[v]}>{t(`plan.workStatus.${v}`)}</Tag> },
          { title: t('plan.work.field.progressNote'), dataIndex: 'progressNote', render: (v: string) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>{v || '—'}</Typography.Paragraph> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_, w) =>
              mayReport(w) ? (
                <Button type="link" size="small" onClick={() => setEditing(w)}>
                  {isSecretariat ? t('common.edit') : t('plan.work.report')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <WorkItemModal
          year={year}
          item={editing === 'new' ? null : editing}
          reportOnly={!isSecretariat}
          lookups={lookups}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onSaved();
          }}
        />
      ) : null}
    </Card>
  );
}

interface Values {
  title: string;
  ownerZoneId: string;
  dueDate: Dayjs | null;
  status: WorkItemStatus;
  progressNote: string;
}

function WorkItemModal({ year, item, reportOnly, lookups, onClose, onSaved }: { year: number; item: WorkItem | null; reportOnly: boolean; lookups: PlanLookups; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const label = (key: string) => t(`plan.work.field.${key}`);

  async function submit(values: Values) {
    setSaving(true);
    try {
      await api.call('plans.saveWorkItem', {
        ...(item ? { id: item.id, version: item.version } : {}),
        year,
        title: values.title,
        ownerZoneId: values.ownerZoneId,
        dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : '',
        status: values.status,
        progressNote: values.progressNote ?? '',
      });
      message.success(t('common.saved'));
      onSaved();
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={640}
      title={item ? (reportOnly ? `${t('plan.work.report')} · ${item.title}` : `${t('plan.work.edit')} · ${item.title}`) : t('plan.work.add')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'work-item-form', loading: saving }}
      destroyOnHidden
    >
      {reportOnly ? <Typography.Paragraph type="secondary">{t('plan.work.reportHint')}</Typography.Paragraph> : null}
      <Form<Values>
        id="work-item-form"
        form={form}
        layout="vertical"
        initialValues={item ? { ...item, dueDate: dayjs(item.dueDate) } : { status: 'todo', progressNote: '', dueDate: dayjs(`${year}-12-31`) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="title" label={label('title')} rules={[{ required: true, message: `${label('title')}：必填` }]}>
          <Input.TextArea autoFocus={!reportOnly} disabled={reportOnly} maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
          <Form.Item name="ownerZoneId" label={label('ownerZoneId')} rules={[{ required: true, message: `${label('ownerZoneId')}：必填` }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} disabled={reportOnly} options={lookups.activeZones.map((z) => ({ value: z.id, label: z.shortName }))} />
          </Form.Item>
          <Form.Item name="dueDate" label={label('dueDate')} rules={[{ required: true, message: `${label('dueDate')}：必填` }]}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabled={reportOnly} />
          </Form.Item>
          <Form.Item name="status" label={label('status')}>
            <Select options={WORK_ITEM_STATUSES.map((s) => ({ value: s, label: t(`plan.workStatus.${s}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="progressNote" label={label('progressNote')}>
          <Input.TextArea autoFocus={reportOnly} maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
