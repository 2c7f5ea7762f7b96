/** iCalendar (RFC 5545) export and import for the events calendar. */
export { writeCalendar, eventDescription, UID_DOMAIN, DEFAULT_PROD_ID } from './ics-write';
export type { IcsEvent, IcsAgendaItem, IcsStatus, WriteCalendarOptions } from './ics-write';
export { parseCalendar } from './ics-parse';
export type { ParsedCalendar, ParsedIcsEvent } from './ics-parse';
export { MAX_ICS_BYTES, MAX_ICS_EVENTS } from './ics-read';
