import type Database from 'better-sqlite3';
import type { ResourceStatus } from '../../../shared/domain/resource';
import type { Actor } from '../records';
import { listCategories } from '../resources/category-service';
import { createResource } from '../resources/resource-service';
import { unindexResource } from '../search/resource-index';
import { invalidateResourceCache } from '../search/resource-search';
import type { DemoContributor } from './demo-contributor';

interface DemoResource {
  zone: string;
  category: string;
  status: ResourceStatus;
  title: string;
  organisation: string;
  location: string;
  description: string;
  sharingMode: 'free' | 'paid' | 'negotiable';
  feeStandard?: string;
  contactPerson: string;
  contactPhone: string;
  tags: string[];
  extra: Record<string, string | number>;
}

/** A small, plausible registry across zones and categories; synthetic and labelled 示例数据. */
const DEMO_RESOURCES: DemoResource[] = [
  { zone: 'HRB', category: 'instrument', status: 'published', title: '场发射扫描电子显微镜（示例）', organisation: '哈尔滨工业大学分析测试中心', location: '哈尔滨市南岗区', description: '用于金属、陶瓷、半导体材料的微观形貌观察与能谱分析，配备 EDS 与 EBSD 探头。', sharingMode: 'paid', feeStandard: '400 元/小时（机时），含技术员操作', contactPerson: '孙老师', contactPhone: '0451-86412345', tags: ['SEM', '材料表征'], extra: { model: 'SU8020', manufacturer: '日立', originalValue: 385, purchaseYear: 2019, bookingMode: 'slot', instrumentState: 'idle', openHours: '工作日 8:30–17:00' } },
  { zone: 'DL', category: 'instrument', status: 'published', title: '高分辨液相色谱-质谱联用仪（示例）', organisation: '中国科学院大连化学物理研究所', location: '大连市沙河口区', description: '小分子化合物定性定量分析，适用于医药中间体、天然产物与环境样品检测。', sharingMode: 'paid', feeStandard: '按样品收费，800 元/样起', contactPerson: '王工', contactPhone: '0411-84379000', tags: ['LC-MS', '检测'], extra: { model: 'Q Exactive', manufacturer: 'Thermo Fisher', originalValue: 520, purchaseYear: 2021, bookingMode: 'sample', instrumentState: 'in_use' } },
  { zone: 'CC', category: 'instrument', status: 'published', title: '汽车零部件振动耐久试验台（示例）', organisation: '一汽集团研发总院', location: '长春市绿园区', description: '整车及零部件三轴振动耐久试验，支持寒地环境舱联合测试。', sharingMode: 'negotiable', contactPerson: '刘工', contactPhone: '13804311234', tags: ['汽车', '可靠性'], extra: { model: 'MAST-6D', manufacturer: 'MTS', originalValue: 1260, purchaseYear: 2018, bookingMode: 'slot', instrumentState: 'maintenance' } },
  { zone: 'SY', category: 'platform', status: 'published', title: '工业机器人检测认证平台（示例）', organisation: '沈阳新松机器人自动化股份有限公司', location: '沈阳市浑南区', description: '提供工业机器人性能检测、功能安全评估与 CR 认证咨询服务。', sharingMode: 'paid', feeStandard: '按检测项目报价', contactPerson: '赵经理', contactPhone: '024-31165000', tags: ['机器人', 'CNAS'], extra: { accreditation: 'CNAS、CMA', serviceItems: '重复定位精度、轨迹精度、电磁兼容' } },
  { zone: 'DQ', category: 'pilot', status: 'published', title: '石油化工新材料中试基地（示例）', organisation: '大庆高新区石化产业研究院', location: '大庆市高新区', description: '千吨级聚烯烃与特种橡胶中试装置，可承接配方验证与工艺放大。', sharingMode: 'negotiable', contactPerson: '陈主任', contactPhone: '0459-6123456', tags: ['石化', '中试'], extra: { pilotCapability: '千吨级聚合、造粒、改性', floorArea: 12000 } },
  { zone: 'BT', category: 'pilot', status: 'published', title: '稀土永磁材料概念验证中心（示例）', organisation: '包头稀土研究院', location: '包头市稀土高新区', description: '高性能钕铁硼与稀土功能材料小试、中试与性能评价。', sharingMode: 'paid', feeStandard: '按项目收费', contactPerson: '李博士', contactPhone: '0472-5179000', tags: ['稀土', '概念验证'], extra: { pilotCapability: '烧结钕铁硼百公斤级中试线', floorArea: 3500 } },
  { zone: 'JY', category: 'incubator', status: 'published', title: '净月数字经济孵化器（示例）', organisation: '长春净月高新区创业服务中心', location: '长春市净月区', description: '面向软件与数字创意团队，提供工位、路演厅与投融资对接。', sharingMode: 'free', contactPerson: '周老师', contactPhone: '0431-84501234', tags: ['孵化', '数字经济'], extra: { floorArea: 8000, workstations: 120, servicesOffered: '工商代办、创业辅导、投融资对接' } },
  { zone: 'HRB', category: 'expert', status: 'published', title: '寒地装备可靠性专家团队（示例）', organisation: '哈尔滨工程大学', location: '哈尔滨市南岗区', description: '长期从事低温环境下装备材料与结构可靠性研究，可提供技术咨询与联合攻关。', sharingMode: 'negotiable', contactPerson: '张教授', contactPhone: '0451-82519000', tags: ['寒地', '可靠性'], extra: { field: '寒地装备可靠性', title: '教授', affiliation: '哈尔滨工程大学' } },
  { zone: 'TH', category: 'patent', status: 'published', title: '一种中药提取物缓释制剂的制备方法（示例）', organisation: '通化医药高新区某药业有限公司', location: '通化市', description: '发明专利，可许可或转让，适用于口服缓释制剂产业化。', sharingMode: 'negotiable', contactPerson: '吴经理', contactPhone: '0435-3212345', tags: ['医药', '专利转化'], extra: { patentNumber: 'ZL202110000001.X', patentType: 'invention', legalStatus: 'valid', transferMode: 'license' } },
  { zone: 'HHHT', category: 'data', status: 'published', title: '乳业全产业链质量数据集（示例）', organisation: '呼和浩特金山高新区大数据中心', location: '呼和浩特市', description: '覆盖牧场、加工、冷链环节的脱敏质量数据，支持 AI 质量预测研究。', sharingMode: 'free', contactPerson: '那仁', contactPhone: '0471-3456789', tags: ['数据', '乳业'], extra: { dataFormat: 'CSV / API', updateFrequency: '每月', accessConditions: '签署数据使用协议' } },
  { zone: 'YK', category: 'service', status: 'published', title: '镁质材料检验检测服务（示例）', organisation: '营口市检验检测认证中心', location: '营口市', description: '镁砂、耐火材料理化性能检测，出具 CMA 报告。', sharingMode: 'paid', feeStandard: '执行省定收费标准', contactPerson: '高工', contactPhone: '0417-2812345', tags: ['镁质材料', '检测'], extra: { serviceItems: '化学成分、体积密度、耐压强度', serviceArea: '东北三省一区' } },
  { zone: 'JL', category: 'instrument', status: 'submitted', title: '碳纤维原丝性能测试系统（示例）', organisation: '吉林化纤集团研究院', location: '吉林市', description: '碳纤维原丝线密度、强度、模量测试，等待秘书处审核。', sharingMode: 'paid', feeStandard: '200 元/样', contactPerson: '马工', contactPhone: '0432-63501234', tags: ['碳纤维'], extra: { model: 'CF-T200', manufacturer: '国产', originalValue: 180, purchaseYear: 2022, bookingMode: 'sample', instrumentState: 'idle' } },
  { zone: 'AS', category: 'platform', status: 'submitted', title: '激光加工工艺验证实验室（示例）', organisation: '鞍山激光产业研究院', location: '鞍山市', description: '激光焊接、切割与增材制造工艺验证，等待秘书处审核。', sharingMode: 'negotiable', contactPerson: '杨主任', contactPhone: '0412-5551234', tags: ['激光', '增材制造'], extra: { accreditation: '省级重点实验室', serviceItems: '工艺验证、样件试制' } },
  { zone: 'QQHR', category: 'instrument', status: 'returned', title: '重型机床精度检测仪（示例）', organisation: '齐重数控装备股份有限公司', location: '齐齐哈尔市', description: '退回示例：缺少技术参数。', sharingMode: 'negotiable', contactPerson: '于工', contactPhone: '0452-2101234', tags: ['机床'], extra: { model: 'XL-80', manufacturer: 'Renishaw', bookingMode: 'slot', instrumentState: 'idle' } },
];

export const demoResources: DemoContributor = {
  entity: 'resource',
  load(db: Database.Database, actor: Actor): number {
    const categories = new Map(listCategories(db, true).map((c) => [c.code, c.id]));
    const zones = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM zones WHERE deleted_at IS NULL').all().map((z) => [z.code, z.id]));
    for (const r of DEMO_RESOURCES) {
      const { zone, category, status, ...fields } = r;
      const created = createResource(
        db,
        actor,
        { ...fields, categoryId: categories.get(category)!, ownerZoneId: zones.get(zone)!, feeStandard: r.feeStandard ?? '', feeAmount: null, contactEmail: '', location: r.location },
        { isDemo: true, status },
      );
      if (status === 'returned') db.prepare("UPDATE resources SET review_comment = '请补充主要技术参数和开放时间后再提交。' WHERE id = ?").run(created.id);
    }
    return DEMO_RESOURCES.length;
  },
  remove(db: Database.Database): number {
    const demo = db.prepare<[], { seq: number; id: string }>('SELECT seq, id FROM resources WHERE is_demo = 1').all();
    for (const { seq, id } of demo) {
      db.prepare("DELETE FROM attachments WHERE record_kind = 'resource' AND record_id = ?").run(id);
      unindexResource(db, seq);
      db.prepare('DELETE FROM resources WHERE seq = ?').run(seq);
    }
    invalidateResourceCache(db);
    return demo.length;
  },
};
