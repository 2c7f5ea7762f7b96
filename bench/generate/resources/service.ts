import type { CategoryBuilder } from './draft';

const SERVICE_TYPES = ['技术转移服务', '知识产权代理', '科技查新', '检验检测认证咨询', '高新技术企业认定辅导', '科技金融服务', '技术经纪', '工业设计服务', '软件测评服务', '研发外包（CRO）', '标准制修订咨询', '科技成果评价'] as const;
const FIRM_WORDS = ['科技服务', '知识产权代理', '技术转移', '咨询服务', '检测认证'] as const;
const BRAND_CHARS = [...'华科睿博源恒智创信达联众普诚'];

/** 科技服务: 技术转移, 知识产权, 检测认证咨询… offered by service firms and centres. */
export const buildService: CategoryBuilder = ({ rng, zone, profile, topic }) => {
  const serviceType = rng.pick(SERVICE_TYPES);
  const title = rng.weighted([
    [`${profile.cityShort}${serviceType}`, 30],
    [`${topic.name}${serviceType}`, 40],
    [`${rng.pick(topic.keywords)}${serviceType}`, 30],
  ]);
  const organisation = rng.chance(0.3)
    ? `${zone.shortName}${rng.pick(['技术转移中心', '知识产权运营中心', '科技创业服务中心'])}`
    : `${profile.cityShort}${rng.pick(BRAND_CHARS)}${rng.pick(BRAND_CHARS)}${rng.pick(FIRM_WORDS)}有限公司`;
  const serviceArea = rng.pick(['东北三省一区', '全国', zone.province, `${profile.cityShort}及周边`, '联盟成员高新区']);
  const items = rng.sample(['需求挖掘', '方案设计', '政策解读', '材料编制', '全流程代办', '线上咨询', '专家评审组织', '投融资对接'], rng.int(2, 4));
  const sentences = [
    `${organisation}面向${topic.name}企业提供${serviceType}，服务范围覆盖${serviceArea}。`,
    `服务内容包括${items.join('、')}等，近三年服务企业 ${rng.int(20, 800)} 家次。`,
    rng.chance(0.3) ? '团队持有技术经纪人证书，可提供 7×24 小时线上咨询。' : '可根据企业需求定制服务方案。',
  ];
  return {
    title,
    organisation,
    sentences,
    extra: { serviceItems: items.join('；'), serviceArea },
    tags: ['科技服务', serviceType.replace(/（.*）/, '')],
    fee: { unit: '元/次', min: 500, max: 30_000 },
  };
};
