import type { SheetRecordType } from '../../../shared/domain/spreadsheet';
import { applicationSheet } from './application-sheet';
import { eventSheet } from './event-sheet';
import { indicatorSheet } from './indicator-sheet';
import { registrationSheet } from './registration-sheet';
import { resourceSheet } from './resource-sheet';
import { scenarioSheet } from './scenario-sheet';
import type { SheetSpec } from './sheet-spec';

/** Every record type's sheet, by the name the channels use. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SHEET_SPECS: Record<SheetRecordType, SheetSpec<any, any>> = {
  resource: resourceSheet,
  scenario: scenarioSheet,
  application: applicationSheet,
  event: eventSheet,
  registration: registrationSheet,
  indicator: indicatorSheet,
};
