import type { ResourceCreateInput, ResourceStatus } from '../../shared/domain/resource';
import type { TempCore } from './temp-core';

export function zoneId(core: TempCore, code: string): string {
  const zone = core.ok('zones.list', { query: code }).find((z) => z.code === code);
  if (!zone) throw new Error(`no zone ${code}`);
  return zone.id;
}

export function categoryId(core: TempCore, code: string): string {
  const category = core.ok('categories.list', { includeInactive: true }).find((c) => c.code === code);
  if (!category) throw new Error(`no category ${code}`);
  return category.id;
}

/** Acts as another installation identity on the same database (zone + role). */
export function actAs(core: TempCore, code: string, role: 'secretariat' | 'member' = 'member'): void {
  core.ok('settings.update', { zoneId: zoneId(core, code), role });
}

export function instrumentInput(core: TempCore, overrides: Partial<ResourceCreateInput> = {}): ResourceCreateInput {
  return {
    categoryId: categoryId(core, 'instrument'),
    title: '场发射扫描电子显微镜',
    organisation: '沈阳材料科学国家研究中心',
    location: '沈阳市浑南区',
    description: '金属与陶瓷材料微观形貌观察，配备 EDS 能谱。',
    sharingMode: 'paid',
    feeStandard: '400 元/小时',
    contactPerson: '孙老师',
    contactPhone: '024-23971234',
    tags: ['SEM'],
    extra: { model: 'SU8020', manufacturer: '日立', originalValue: 385, purchaseYear: 2019, bookingMode: 'slot', instrumentState: 'idle' },
    ...overrides,
  };
}

/** Puts a resource into a workflow state directly (test setup only; the workflow itself is tested elsewhere). */
export function forceStatus(core: TempCore, id: string, status: ResourceStatus): number {
  core.db.prepare('UPDATE resources SET status = ?, version = version + 1 WHERE id = ?').run(status, id);
  return core.db.prepare<[string], { version: number }>('SELECT version FROM resources WHERE id = ?').get(id)!.version;
}
