import { researchOrganisation } from '../organisations';
import { OPEN_HOURS, type CategoryBuilder } from './draft';

const SUFFIXES = ['重点实验室', '工程技术研究中心', '工程研究中心', '检验检测中心', '公共技术服务平台', '联合实验室', '企业技术中心', '测试分析中心'] as const;
const TESTS = ['成分分析', '力学性能测试', '可靠性试验', '失效分析', '尺寸测量', '环境试验', '安全性评价', '性能检测', '型式试验'] as const;

/** 研发与检测平台/实验室: 辽宁省汽车零部件检测重点实验室, 国家石墨烯产品质量检验检测中心（包头）… */
export const buildPlatform: CategoryBuilder = ({ rng, zone, profile, topicKey, topic }) => {
  const keyword = rng.pick(topic.keywords);
  const suffix = rng.pick(SUFFIXES);
  const title = rng.weighted([
    [`${zone.province}${keyword}${suffix}`, 40],
    [`${profile.cityShort}市${keyword}${suffix}`, 25],
    [`国家${keyword}质量检验检测中心（${profile.cityShort}）`, 8],
    [`${keyword}${suffix}`, 27],
  ]);
  const organisation = researchOrganisation(rng, profile, topicKey);
  const accreditation = rng.weighted([['CMA', 2], ['CNAS', 2], ['CMA/CNAS', 4], ['CNAS/CMA/CAL', 1], ['', 2]] as const);
  const items = rng.sample(topic.products, rng.int(1, Math.min(3, topic.products.length))).map((p) => `${p}${rng.pick(TESTS)}`);
  const sentences = [
    `${title}依托${organisation}建设，实验室面积约 ${rng.int(3, 60) * 100} 平方米，拥有仪器设备 ${rng.int(20, 400)} 台（套）。`,
    `围绕${topic.name}产业，重点开展${items.join('、')}等研发与检测服务。`,
    accreditation ? `已取得 ${accreditation} 资质，检测报告国际互认。` : '正在申请 CMA 资质认定。',
  ];
  if (rng.chance(0.3)) sentences.push(`与${rng.pick(profile.institutions)}共建联合攻关团队，承担省级以上科研项目 ${rng.int(5, 60)} 项。`);
  return {
    title,
    organisation,
    sentences,
    extra: { accreditation, serviceItems: items.join('；'), openHours: rng.pick(OPEN_HOURS) },
    tags: [keyword, ...(accreditation ? [accreditation.split('/')[0]!] : []), topic.name],
    fee: { unit: '元/项', min: 200, max: 20_000 },
  };
};
