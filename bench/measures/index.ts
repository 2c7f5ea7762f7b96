import { backupMeasure } from './backup';
import { bulkWriteMeasure } from './bulk-write';
import { coldOpenMeasure } from './cold-open';
import { dispatchMeasure } from './dispatch';
import { eventsMeasure } from './events';
import { excelImportMeasure } from './excel-import';
import { exchangeMeasure } from './exchange';
import { generatorMeasure } from './generator';
import { httpHostMeasure } from './http-host';
import { likeBaselineMeasure } from './like-baseline';
import type { Measure } from './measure';
import { resourceSearchMeasure } from './resource-search';
import { scenarioSearchMeasure } from './scenario-search';

/**
 * Every measurement, in run order. A later issue adds its module here, e.g. the search
 * engine right after the LIKE baseline so the two are compared in the same run.
 */
export const MEASURES: readonly Measure[] = [generatorMeasure, coldOpenMeasure, dispatchMeasure, httpHostMeasure, likeBaselineMeasure, resourceSearchMeasure, scenarioSearchMeasure, eventsMeasure, bulkWriteMeasure, excelImportMeasure, exchangeMeasure, backupMeasure];
