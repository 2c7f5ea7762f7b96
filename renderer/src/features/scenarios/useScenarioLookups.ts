import type { ApiClient } from '../../api/client';
import { useCategoryLookups } from '../resources/useLookups';

/** Zones and scenario categories by id, for facets and forms. */
export const useScenarioLookups = (api: ApiClient) => useCategoryLookups(api, 'scenarioCategories.list');

export type ScenarioLookups = ReturnType<typeof useScenarioLookups>;
