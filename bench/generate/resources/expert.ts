import { personName } from '../vocab/people';
import { researchOrganisation } from '../organisations';
import type { CategoryBuilder } from './draft';

const TITLES = [['教授', 4], ['研究员', 3], ['正高级工程师', 2], ['副教授', 2], ['高级工程师', 2]] as const;

/** 专家与人才团队: a named expert or team, with field, rank and track record. */
export const buildExpert: CategoryBuilder = ({ rng, profile, topicKey, topic }) => {
  const name = personName(rng);
  const rank = rng.weighted(TITLES);
  const field = rng.pick(topic.keywords);
  const organisation = rng.chance(0.8) ? researchOrganisation(rng, profile, topicKey) : `${profile.cityShort}${topic.name}产业技术研究院`;
  const title = rng.weighted([
    [`${name}${rank}团队`, 35],
    [`${field}创新团队（${name}）`, 30],
    [`${field}专家 ${name}`, 20],
    [`${organisation}${field}研究团队`, 15],
  ]);
  const expertise = `主持国家重点研发计划等项目 ${rng.int(1, 12)} 项，发表 SCI/EI 论文 ${rng.int(10, 200)} 篇，授权发明专利 ${rng.int(3, 80)} 项。`;
  const sentences = [
    `${name}，${organisation}${rank}${rng.chance(0.3) ? '，博士生导师' : ''}，长期从事${[field, ...rng.sample(topic.keywords.filter((k) => k !== field), 1)].join('与')}研究。`,
    expertise,
    `可为企业提供技术咨询、联合攻关${rng.chance(0.4) ? '、人才培训' : ''}和成果转化服务${rng.chance(0.25) ? `，熟悉 ${rng.pick(topic.english)} 相关国际标准` : ''}。`,
  ];
  return {
    title,
    organisation,
    sentences,
    extra: { field, title: rank, affiliation: organisation, expertise },
    tags: ['专家', field, rank],
    fee: { unit: '元/天', min: 2_000, max: 10_000 },
  };
};
