import type { SharingMode } from '../../../shared/domain/resource';
import type { FieldSetKey } from '../../../shared/domain/resource-fields';
import type { CategoryBuilder } from './draft';
import { buildData } from './data';
import { buildExpert } from './expert';
import { buildIncubator } from './incubator';
import { buildInstrument } from './instrument';
import { buildPatent } from './patent';
import { buildPilot } from './pilot';
import { buildPlatform } from './platform';
import { buildService } from './service';

export interface CategorySpec {
  code: FieldSetKey;
  /** As migration 002 seeds it. */
  name: string;
  /** Share of the registry: instruments and patents dominate real sharing platforms. */
  weight: number;
  sharing: readonly (readonly [SharingMode, number])[];
  build: CategoryBuilder;
}

export const RESOURCE_CATEGORIES: readonly CategorySpec[] = [
  { code: 'instrument', name: '大型科研仪器设备', weight: 30, sharing: [['paid', 60], ['free', 20], ['negotiable', 20]], build: buildInstrument },
  { code: 'platform', name: '研发与检测平台/实验室', weight: 12, sharing: [['paid', 55], ['free', 15], ['negotiable', 30]], build: buildPlatform },
  { code: 'pilot', name: '中试基地与概念验证中心', weight: 6, sharing: [['paid', 40], ['free', 5], ['negotiable', 55]], build: buildPilot },
  { code: 'incubator', name: '孵化载体与空间', weight: 5, sharing: [['paid', 60], ['free', 25], ['negotiable', 15]], build: buildIncubator },
  { code: 'expert', name: '专家与人才团队', weight: 15, sharing: [['paid', 20], ['free', 20], ['negotiable', 60]], build: buildExpert },
  { code: 'patent', name: '专利与技术成果', weight: 18, sharing: [['paid', 35], ['free', 5], ['negotiable', 60]], build: buildPatent },
  { code: 'data', name: '数据资源', weight: 5, sharing: [['paid', 25], ['free', 50], ['negotiable', 25]], build: buildData },
  { code: 'service', name: '科技服务', weight: 9, sharing: [['paid', 50], ['free', 20], ['negotiable', 30]], build: buildService },
];

export const CATEGORY_WEIGHTS = RESOURCE_CATEGORIES.map((c) => [c, c.weight] as const);
