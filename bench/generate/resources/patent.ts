import { ownerOrganisation } from '../organisations';
import type { Rng } from '../prng';
import type { CategoryBuilder } from './draft';

const TECHNIQUES = ['深度学习', '机器视觉', '数字孪生', '物联网', '边缘计算', '多源数据融合', '激光诱导击穿光谱', '红外热成像', '超声导波', '区块链'] as const;
const ACTIONS = ['缺陷检测', '寿命预测', '故障诊断', '质量控制', '在线监测', '智能分选'] as const;
const DEVICES = ['检测装置', '固定夹具', '冷却装置', '输送装置', '测试工装', '防护装置'] as const;
const SYSTEMS = ['管理平台', '监测系统', '分析软件', '控制系统', '调度系统'] as const;

type PatentType = 'invention' | 'utility' | 'design' | 'software';

/** ZL202110234567.8: ZL + filing year + type digit (1 invention, 2 utility model, 3 design) + serial + check. */
function patentNumber(rng: Rng, type: PatentType, year: number): string {
  if (type === 'software') return `${year}SR${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  const typeDigit = { invention: 1, utility: 2, design: 3 }[type];
  const check = rng.pick([...'0123456789X']);
  return `ZL${year}${typeDigit}${String(rng.int(0, 9_999_999)).padStart(7, '0')}.${check}`;
}

/** 专利与技术成果: titles in the style of CNIPA claims (一种…及其制备方法). */
export const buildPatent: CategoryBuilder = ({ rng, profile, topicKey, topic }) => {
  const type = rng.weighted([['invention', 55], ['utility', 30], ['design', 5], ['software', 10]] as const);
  const product = rng.pick(topic.products);
  const keyword = rng.pick(topic.keywords);
  const title = {
    invention: () =>
      rng.weighted([
        [`一种${product}及其制备方法`, 3],
        [`一种基于${rng.pick(TECHNIQUES)}的${product}${rng.pick(ACTIONS)}方法`, 3],
        [`一种高性能${product}的制备方法`, 2],
        [`${keyword}${rng.pick(['关键工艺', '成套技术', '集成技术'])}`, 1],
      ]),
    utility: () => `一种${product}用${rng.pick(DEVICES)}`,
    design: () => `${product}（${rng.pick(['A', 'B', 'C', 'S'])}型）`,
    software: () => `${keyword}${rng.pick(SYSTEMS)}V${rng.int(1, 5)}.0`,
  }[type]();
  const organisation = ownerOrganisation(rng, profile, topicKey, 0.65);
  const year = rng.int(2015, 2025);
  const legalStatus = type === 'software' ? 'valid' : rng.weighted([['valid', 70], ['pending', 20], ['expired', 10]] as const);
  const transferMode = rng.weighted([['assign', 3], ['license', 3], ['equity', 1], ['joint', 2], ['negotiable', 3]] as const);
  const sentences = [
    `本${type === 'software' ? '软件' : '技术'}由${organisation}${rng.pick(['研发团队', '课题组', '技术中心'])}完成，${year} 年${type === 'software' ? '登记' : '申请'}。`,
    `针对${keyword}中${rng.pick(['效率低', '成本高', '一致性差', '能耗高', '依赖进口'])}的问题，${rng.pick(['提出', '开发', '实现'])}了${product}${rng.pick(ACTIONS)}的新方案，${rng.pick(['性能指标提升 30% 以上', '生产成本降低约 20%', '检测准确率达 98% 以上', '实现进口替代'])}。`,
    `适用于${topic.name}相关企业${rng.chance(0.3) ? `，已在 ${rng.int(1, 15)} 家企业试用` : ''}。`,
  ];
  return {
    title,
    organisation,
    sentences,
    extra: { patentNumber: patentNumber(rng, type, year), patentType: type, legalStatus, transferMode },
    tags: [{ invention: '发明专利', utility: '实用新型', design: '外观设计', software: '软件著作权' }[type], keyword],
    fee: { unit: '元（转让/许可参考价）', min: 50_000, max: 3_000_000 },
  };
};
