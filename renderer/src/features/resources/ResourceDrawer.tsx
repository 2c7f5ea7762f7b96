import { Alert, App as AntApp, Button, Descriptions, Drawer, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '../../../../shared/domain/resource';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { AttachmentsPanel } from '../../ui/AttachmentsPanel';
import { RecordHistory } from '../../ui/RecordHistory';
import { bookingModeOf } from '../requests/booking-mode';
import { RequestButton } from '../requests/RequestButton';
import { ResourceBookings } from '../requests/ResourceBookings';
import { MatchedScenarios } from '../scenarios/MatchedScenarios';
import { extraLabel, extraValue, fieldDefs, STATUS_COLORS } from './labels';
import { ResourceActions } from './ResourceActions';
import { ResourceFormModal } from './ResourceFormModal';
import type { useLookups } from './useLookups';

/** One resource: its fields, workflow actions, attachments and history. */
export function ResourceDrawer({ id, lookups, onClose, onChanged }: { id: string; lookups: ReturnType<typeof useLookups>; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [resource, setResource] = useState<ResourceDetail | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    try {
      setResource(await api.call('resources.get', { id }));
    } catch (error) {
      showFailure(error, message.error);
      onClose();
    }
  }, [api, id, message, onClose]);
  useEffect(() => void load(), [load]);

  const changed = () => {
    void load();
    onChanged();
  };
  const label = (key: string) => t(`resources.field.${key}`);

  return (
    <Drawer open width={760} onClose={onClose} title={resource?.title ?? t('app.loading')} extra={resource?.editable ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}>
      {!resource ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="resource-detail">
          <Space wrap>
            <Tag color={STATUS_COLORS[resource.status]} data-testid="resource-status">
              {t(`resources.status.${resource.status}`)}
            </Tag>
            <Tag>{resource.categoryName}</Tag>
            <Typography.Text type="secondary">{resource.ownerZoneName}</Typography.Text>
            {resource.isDemo ? <Tag color="orange">{t('app.demo')}</Tag> : null}
          </Space>
          {resource.reviewComment && resource.status === 'returned' ? <Alert type="warning" showIcon message={t('resources.reviewComment')} description={resource.reviewComment} data-testid="review-comment" /> : null}
          <Space wrap>
            <ResourceActions resource={resource} onDone={changed} />
            <RequestButton resource={resource} onDone={changed} />
          </Space>
          {bookingModeOf(resource) === 'slot' && resource.status === 'published' ? <ResourceBookings resourceId={resource.id} /> : null}
          <Tabs
            items={[
              {
                key: 'info',
                label: t('resources.basics'),
                children: (
                  <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                    <Descriptions column={2} size="small" bordered>
                      <Descriptions.Item label={label('organisation')}>{resource.organisation}</Descriptions.Item>
                      <Descriptions.Item label={label('location')}>{resource.location || '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('sharingMode')}>{t(`resources.sharing.${resource.sharingMode}`)}</Descriptions.Item>
                      <Descriptions.Item label={label('feeStandard')}>{resource.feeStandard || '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('description')} span={2}>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{resource.description || '—'}</Typography.Paragraph>
                      </Descriptions.Item>
                      <Descriptions.Item label={label('tags')} span={2}>
                        {resource.tags.length ? resource.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}
                      </Descriptions.Item>
                    </Descriptions>
                    <Descriptions title={t('resources.specific')} column={2} size="small" bordered>
                      {fieldDefs(resource.fieldSet).map((def) => (
                        <Descriptions.Item key={def.key} label={extraLabel(def, i18n.language)} span={def.kind === 'textarea' ? 2 : 1}>
                          {extraValue(def, resource.extra[def.key], i18n.language)}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                    <Descriptions title={t('resources.contact')} column={3} size="small">
                      <Descriptions.Item label={label('contactPerson')}>{resource.contactPerson}</Descriptions.Item>
                      <Descriptions.Item label={label('contactPhone')}>{resource.contactPhone || '—'}</Descriptions.Item>
                      <Descriptions.Item label={label('contactEmail')}>{resource.contactEmail || '—'}</Descriptions.Item>
                    </Descriptions>
                    <Typography.Text type="secondary">
                      {t('resources.requests', { count: resource.requestCount, done: resource.completedCount })} · {label('updatedAt')} {dayjs(resource.updatedAt).format('YYYY-MM-DD HH:mm')}（{resource.updatedBy}）
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                key: 'attachments',
                label: `${t('resources.attachments')} (${resource.attachments.length})`,
                children: <AttachmentsPanel recordKind="resource" recordId={resource.id} attachments={resource.attachments} editable={resource.editable} onChanged={changed} />,
              },
              { key: 'scenarios', label: t('resources.scenarios'), children: <MatchedScenarios resourceId={resource.id} /> },
              {
                key: 'history',
                label: t('resources.history'),
                children: (
                  <RecordHistory
                    recordId={resource.id}
                    label={(key) => (key === 'action' ? t('audit.action') : key === 'comment' ? t('resources.returnReason') : t(`resources.field.${key}`, { defaultValue: key }))}
                    format={(key, value) => (key === 'status' ? t(`resources.status.${String(value)}`) : key === 'action' ? t(`resources.action.${String(value)}`) : value === null || value === '' || value === undefined ? '（空）' : typeof value === 'object' ? JSON.stringify(value) : String(value))}
                  />
                ),
              },
            ]}
          />
        </Space>
      )}
      {editing && resource ? (
        <ResourceFormModal
          resource={resource}
          lookups={lookups}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            changed();
          }}
        />
      ) : null}
    </Drawer>
  );
}
