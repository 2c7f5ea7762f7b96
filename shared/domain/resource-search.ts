import { z } from 'zod';
import { recordId } from '../validation';
import { RESOURCE_STATUSES, SHARING_MODES, type Resource } from './resource';
import { offsetDateTime } from './sharing-request';

export const RESOURCE_SORTS = ['updated', 'title', 'value'] as const;
export type ResourceSort = (typeof RESOURCE_SORTS)[number];

const list = <T extends z.ZodType>(item: T) => z.array(item).max(100).default([]);

export const ResourceSearchInput = z
  .strictObject({
    query: z.string({ error: '必须是文字' }).max(100, { error: '不能超过 100 个字' }).default(''),
    zoneIds: list(recordId),
    provinces: list(z.string().max(20)),
    categoryIds: list(recordId),
    sharingModes: list(z.enum(SHARING_MODES)),
    statuses: list(z.enum(RESOURCE_STATUSES)),
    instrumentStates: list(z.enum(['idle', 'in_use', 'maintenance', 'offline'])),
    /** Only 时间预约 instruments free for the whole of [freeFrom, freeTo): availability-first search. */
    freeFrom: offsetDateTime.optional(),
    freeTo: offsetDateTime.optional(),
    sort: z.enum(RESOURCE_SORTS).default('updated'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .superRefine((input, ctx) => {
    if ((input.freeFrom === undefined) !== (input.freeTo === undefined)) {
      ctx.addIssue({ code: 'custom', path: [input.freeFrom === undefined ? 'freeFrom' : 'freeTo'], message: '空闲时段的开始和结束须同时填写' });
    } else if (input.freeFrom !== undefined && input.freeTo !== undefined && Date.parse(input.freeTo) <= Date.parse(input.freeFrom)) {
      ctx.addIssue({ code: 'custom', path: ['freeTo'], message: '必须晚于开始时间' });
    }
  })
  .default({} as never);
export type ResourceSearchInput = z.input<typeof ResourceSearchInput>;

export const RESOURCE_SEARCH_LABELS: Record<string, string> = {
  query: '搜索词',
  zoneIds: '高新区',
  provinces: '省份',
  categoryIds: '类别',
  sharingModes: '共享方式',
  statuses: '状态',
  instrumentStates: '设备状态',
  freeFrom: '空闲时段开始',
  freeTo: '空闲时段结束',
  sort: '排序',
  offset: '起始位置',
  limit: '条数',
};

/** One row of a result list: enough to render the list, not the whole record. */
export type ResourceSummary = Pick<
  Resource,
  'id' | 'seq' | 'version' | 'title' | 'organisation' | 'categoryId' | 'categoryName' | 'ownerZoneId' | 'ownerZoneName' | 'sharingMode' | 'status' | 'updatedAt' | 'isDemo' | 'location'
> & { instrumentState: string | null; originalValue: number | null; snippet: string };

export type FacetCounts = Record<string, number>;

export interface ResourceSearchResult {
  total: number;
  items: ResourceSummary[];
  facets: {
    zone: FacetCounts;
    province: FacetCounts;
    category: FacetCounts;
    sharingMode: FacetCounts;
    status: FacetCounts;
    instrumentState: FacetCounts;
  };
  /** The normalized query terms to highlight in titles, organisations and snippets. */
  highlight: string[];
  tookMs: number;
}
