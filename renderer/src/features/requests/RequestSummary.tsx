import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SharingRequest } from '../../../../shared/domain/sharing-request';
import { slotLabel } from './time';

/** What was asked, in a few lines: for the decision dialog and expanded table rows. */
export function RequestSummary({ request }: { request: SharingRequest }) {
  const { t } = useTranslation();
  const label = (key: string) => t(`requests.field.${key}`);
  const dash = (value: string) => value || '—';
  return (
    <Descriptions size="small" column={1} bordered data-testid="request-summary">
      <Descriptions.Item label={label('resource')}>{request.resourceTitle}</Descriptions.Item>
      <Descriptions.Item label={label('organisation')}>
        {request.organisation}（{request.requesterZoneName}）
      </Descriptions.Item>
      {request.slotStart && request.slotEnd ? <Descriptions.Item label={label('slot')}>{slotLabel(request.slotStart, request.slotEnd, t('requests.dateFormat'))}</Descriptions.Item> : null}
      {request.sampleDescription || request.sampleQuantity !== null ? (
        <Descriptions.Item label={label('sample')}>
          {dash(request.sampleDescription)}
          {request.sampleQuantity !== null ? ` × ${request.sampleQuantity}` : ''}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={label('purpose')}>{dash(request.purpose)}</Descriptions.Item>
      <Descriptions.Item label={label('contact')}>{[request.contactPerson, request.contactPhone, request.contactEmail].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
      {request.notes ? <Descriptions.Item label={label('notes')}>{request.notes}</Descriptions.Item> : null}
      {request.decisionNote ? <Descriptions.Item label={label('note')}>{request.decisionNote}</Descriptions.Item> : null}
    </Descriptions>
  );
}
