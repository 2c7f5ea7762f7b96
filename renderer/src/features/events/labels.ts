import type { EventStatus } from '../../../../shared/domain/event';
import type { RegistrationStatus } from '../../../../shared/domain/event-registration';

export const EVENT_STATUS_COLORS: Record<EventStatus, string> = {
  planned: 'default',
  published: 'blue',
  postponed: 'orange',
  held: 'cyan',
  summarised: 'green',
  cancelled: 'red',
};

export const REGISTRATION_STATUS_COLORS: Record<RegistrationStatus, string> = {
  confirmed: 'green',
  waitlisted: 'gold',
  cancelled: 'default',
};
