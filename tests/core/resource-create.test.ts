import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getResource } from '../../electron/core/resources/resource-service';
import { instrumentInput, zoneId } from '../helpers/resources';
import { setUpCore, type TempCore } from '../helpers/temp-core';

describe('creating a resource', () => {
  let core: TempCore;
  beforeAll(() => {
    core = setUpCore('HRB', 'secretariat');
  });
  afterAll(() => core.remove());

  it('returns exactly what reading it back returns, and audits that same record', () => {
    const input = instrumentInput(core, { ownerZoneId: zoneId(core, 'SY'), feeAmount: 400, tags: ['SEM', ' SEM ', '电镜'], extra: { model: 'SU8020', manufacturer: '', originalValue: 385, bookingMode: 'slot', instrumentState: 'idle' } });
    const created = core.ok('resources.create', input);
    const read = getResource(core.db, created.id);
    expect(created).toStrictEqual(read);
    expect(created).toMatchObject({ ownerZoneName: '沈阳高新区', categoryName: '大型科研仪器设备', fieldSet: 'instrument', tags: ['SEM', '电镜'], extra: { model: 'SU8020', originalValue: 385, bookingMode: 'slot', instrumentState: 'idle' } });
    expect(core.ok('audit.list', { recordId: created.id })).toMatchObject([{ action: 'create', before: null, after: JSON.parse(JSON.stringify(read)) }]);
  });

  it('finds each new resource by its title and its pinyin right after the write', () => {
    const titles = ['哈尔滨光谱分析平台', '大连化学物理中试基地'];
    const ids = titles.map((title) => core.ok('resources.create', instrumentInput(core, { title })).id);
    for (const [i, title] of titles.entries()) {
      expect(core.ok('resources.search', { query: title }).items.map((r) => r.id)).toEqual([ids[i]]);
    }
    expect(core.ok('resources.search', { query: 'dalianhuaxue' }).items.map((r) => r.id)).toEqual([ids[1]]);
  });
});
