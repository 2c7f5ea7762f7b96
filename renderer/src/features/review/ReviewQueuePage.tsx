import { App as AntApp, Button, Card, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceAction } from '../../../../shared/domain/resource';
import type { ResourceSummary } from '../../../../shared/domain/resource-search';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { ResourceDrawer } from '../resources/ResourceDrawer';
import { useLookups } from '../resources/useLookups';

type Queue = 'submitted' | 'approved';

/** The secretariat's review queue: submissions to approve or return (with a reason), approvals to publish — one by one or in bulk. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message, modal } = AntApp.useApp();
  const [queue, setQueue] = useState<Queue>('submitted');
  const [rows, setRows] = useState<ResourceSummary[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const lookups = useLookups(api);

  const load = useCallback(async () => {
    try {
      const result = await api.call('resources.search', { statuses: [queue], sort: 'updated', limit: 500 });
      setRows(result.items);
      setSelected([]);
    } catch (error) {
      showFailure(error, message.error);
    }
  }, [api, queue, message]);
  useEffect(() => void load(), [load]);

  async function bulk(action: ResourceAction, comment?: string) {
    setBusy(true);
    try {
      const result = await api.call('resources.bulkTransition', { action, items: rows.filter((r) => selected.includes(r.id)).map((r) => ({ id: r.id, version: r.version })), ...(comment ? { comment } : {}) });
      message.success(t('review.bulkDone', { done: result.done.length }));
      if (result.failed.length > 0) {
        modal.warning({ title: t('review.bulkFailed', { count: result.failed.length }), content: <ul>{result.failed.map((f) => <li key={f.id}>{f.title}：{f.message}</li>)}</ul> });
      }
      setReturning(false);
      setReason('');
      await load();
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setBusy(false);
    }
  }

  const count = selected.length;
  return (
    <Card title={t('review.title')}>
      <Tabs activeKey={queue} onChange={(k) => setQueue(k as Queue)} items={[{ key: 'submitted', label: t('review.submittedTab') }, { key: 'approved', label: t('review.approvedTab') }]} />
      <Space style={{ marginBottom: 12 }}>
        {queue === 'submitted' ? (
          <>
            <Button type="primary" disabled={!count} loading={busy} onClick={() => void bulk('approve')}>
              {t('review.approveSelected', { count })}
            </Button>
            <Button danger disabled={!count} onClick={() => setReturning(true)}>
              {t('review.returnSelected', { count })}
            </Button>
          </>
        ) : (
          <Button type="primary" disabled={!count} loading={busy} onClick={() => void bulk('publish')}>
            {t('review.publishSelected', { count })}
          </Button>
        )}
      </Space>
      <Table<ResourceSummary>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: t('review.empty') }}
        columns={[
          {
            title: t('resources.field.title'),
            key: 'title',
            render: (_, r) => (
              <Button type="link" style={{ paddingInline: 0 }} onClick={() => setOpenId(r.id)}>
                {r.title}
              </Button>
            ),
          },
          { title: t('resources.field.categoryId'), dataIndex: 'categoryName', width: 180, render: (v: string) => <Tag>{v}</Tag> },
          { title: t('resources.field.ownerZoneId'), dataIndex: 'ownerZoneName', width: 140 },
          { title: t('resources.field.organisation'), dataIndex: 'organisation' },
          { title: t('resources.field.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => <Typography.Text type="secondary">{dayjs(v).format('MM-DD HH:mm')}</Typography.Text> },
        ]}
      />
      <Modal
        open={returning}
        title={t('review.returnSelected', { count })}
        onCancel={() => setReturning(false)}
        onOk={() => void bulk('return', reason)}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        okText={t('resources.action.return')}
        cancelText={t('common.cancel')}
      >
        <Input.TextArea autoFocus aria-label={t('resources.returnReason')} rows={4} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('resources.returnReasonPlaceholder')} />
      </Modal>
      {openId ? <ResourceDrawer id={openId} lookups={lookups} onClose={() => setOpenId(null)} onChanged={() => void load()} /> : null}
    </Card>
  );
}
