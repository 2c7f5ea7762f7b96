import { companyName } from '../organisations';
import type { CategoryBuilder } from './draft';

const SERVICES = ['工商注册代办', '政策申报辅导', '投融资对接', '技术转移', '知识产权服务', '创业导师辅导', '共享实验室', '人才公寓', '财务法务咨询', '市场推广'] as const;
const BRANDS = ['启航', '创客', '星火', '北斗', '青藤', '智谷', '云创', '冰城', '黑土', '长白'] as const;

/** 孵化载体与空间: 众创空间, 科技企业孵化器, 大学科技园, 加速器… */
export const buildIncubator: CategoryBuilder = ({ rng, zone, profile, topicKey, topic }) => {
  // Only universities run 大学科技园; institutes and labs do not.
  const universities = profile.institutions.filter((name) => name.endsWith('大学'));
  const title = rng.weighted([
    [`${profile.cityShort}${rng.pick(BRANDS)}众创空间`, 25],
    [`${zone.shortName}科技企业孵化器`, 15],
    [`${rng.pick(universities.length > 0 ? universities : profile.institutions)}国家大学科技园`, universities.length > 0 ? 10 : 0],
    [`${profile.cityShort}${topic.name}专业孵化器`, 20],
    [`${profile.cityShort}${topic.name}产业加速器`, 12],
    [`${profile.cityShort}留学人员创业园`, 8],
    [`${zone.shortName}${rng.pick(BRANDS)}双创示范基地`, 10],
  ]);
  const organisation = rng.chance(0.4) ? `${zone.shortName}科技创业服务中心` : companyName(rng, profile, topicKey);
  const floorArea = rng.int(20, 800) * 100;
  const workstations = rng.int(5, 150) * 10;
  const services = rng.sample(SERVICES, rng.int(3, 6));
  const sentences = [
    `${title}位于${profile.cityShort}${rng.pick(profile.districts)}，总面积 ${floorArea} 平方米，可用工位 ${workstations} 个。`,
    `重点孵化${topic.name}领域初创企业，在孵企业 ${rng.int(10, 200)} 家，累计毕业企业 ${rng.int(5, 150)} 家。`,
    `提供${services.join('、')}等服务${rng.chance(0.3) ? '，入驻企业可享受首年房租减免' : ''}。`,
  ];
  return {
    title,
    organisation,
    sentences,
    extra: { floorArea, workstations, servicesOffered: services.join('、') },
    tags: ['孵化', topic.name, ...(rng.chance(0.3) ? ['双创'] : [])],
    fee: { unit: '元/工位·月', min: 200, max: 800 },
  };
};
