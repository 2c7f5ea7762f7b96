import type { RequestStatus } from '../../../../shared/domain/sharing-request';

export const REQUEST_STATUS_COLORS: Record<RequestStatus, string> = {
  pending: 'gold',
  approved: 'green',
  declined: 'red',
  cancelled: 'default',
  completed: 'blue',
};
