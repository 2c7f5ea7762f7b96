import { ownerOrganisation } from '../organisations';
import { OPEN_HOURS, type CategoryBuilder } from './draft';

/** 中试基地与概念验证中心: 稀土永磁材料中试平台, 生物医药概念验证中心… */
export const buildPilot: CategoryBuilder = ({ rng, profile, topicKey, topic }) => {
  const keyword = rng.pick(topic.keywords);
  const product = rng.pick(topic.products);
  const organisation = ownerOrganisation(rng, profile, topicKey, 0.55);
  const title = rng.weighted([
    [`${keyword}中试基地`, 30],
    [`${keyword}中试平台`, 25],
    [`${profile.cityShort}${keyword}中试熟化基地`, 15],
    [`${topic.name}概念验证中心`, 15],
    [`${organisation}概念验证中心`, 15],
  ]);
  const floorArea = rng.int(5, 500) * 100;
  const capability = rng.weighted([
    [`具备${product}年产 ${rng.int(5, 500)} 吨级中试能力`, 3],
    [`建有${product}中试线 ${rng.int(1, 6)} 条`, 3],
    [`配套 GMP 洁净车间 ${rng.int(2, 40) * 100} 平方米，可承接${product}工艺放大`, topicKey === 'biomedicine' || topicKey === 'chineseMedicine' ? 4 : 0.3],
    [`提供技术成熟度（TRL）评价、样机试制与小批量验证服务`, 2],
  ]);
  const sentences = [
    `${title}由${organisation}运营，场地面积 ${floorArea} 平方米。`,
    `${capability}，可为${topic.name}领域科技成果提供工程化验证和中试熟化服务。`,
    `已服务企业 ${rng.int(10, 300)} 家，完成中试项目 ${rng.int(5, 120)} 项${rng.chance(0.3) ? '，其中 AI 辅助工艺优化项目 ' + rng.int(1, 12) + ' 项' : ''}。`,
  ];
  return {
    title,
    organisation,
    sentences,
    extra: { pilotCapability: capability, floorArea, openHours: rng.pick(OPEN_HOURS) },
    tags: ['中试', keyword, ...(rng.chance(0.3) ? ['概念验证'] : [])],
    fee: { unit: '元/批次', min: 5_000, max: 200_000 },
  };
};
