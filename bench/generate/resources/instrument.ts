import { INSTRUMENTS, type InstrumentKind } from '../vocab/instruments';
import { researchOrganisation, companyName } from '../organisations';
import { OPEN_HOURS, type CategoryBuilder } from './draft';

const STATES = [['idle', 45], ['in_use', 35], ['maintenance', 12], ['offline', 8]] as const;

/** 大型科研仪器设备: named as the sharing registry names them, with maker, model and price. */
export const buildInstrument: CategoryBuilder = ({ rng, profile, topicKey, topic }) => {
  const suited = INSTRUMENTS.filter((i) => i.topics.includes(topicKey));
  const kind: InstrumentKind = suited.length > 0 && rng.chance(0.8) ? rng.pick(suited) : rng.pick(INSTRUMENTS);
  const [maker, model] = rng.pick(kind.makers);
  const title = rng.weighted([
    [kind.name, 35],
    [kind.abbr ? `${kind.name}（${kind.abbr}）` : kind.name, 25],
    [`${maker} ${model} ${kind.name}`, 20],
    [`${kind.name} ${model}`, 12],
    [`${topic.name}${kind.name}`, 8],
  ]);
  const organisation = rng.chance(0.7) ? researchOrganisation(rng, profile, topicKey) : companyName(rng, profile, topicKey);
  const purchaseYear = rng.int(2008, 2025);
  const value = rng.float(kind.valueWan[0], kind.valueWan[1], 1);
  const parameters = rng.sample(kind.parameters, rng.int(2, kind.parameters.length));
  const uses = rng.sample(kind.uses, rng.int(1, kind.uses.length));
  const field = rng.pick(topic.keywords);
  const sentences = [
    `${organisation}于 ${purchaseYear} 年购置${maker}${kind.name}（型号 ${model}${kind.abbr ? `，${kind.abbr}` : ''}），原值约 ${value} 万元。`,
    `主要技术指标：${parameters.join('；')}。`,
    `可开展${uses.join('、')}等测试，服务${[field, ...rng.sample(topic.keywords.filter((k) => k !== field), 1)].join('、')}等领域的企业和科研团队。`,
  ];
  if (rng.chance(0.35)) sentences.push(rng.pick(['配备专职技术人员 2 名，可提供数据解读。', '实验室已通过 CNAS 认可，可出具检测报告。', '支持远程提交样品，检测周期一般为 3–5 个工作日。', '冬季室温稳定，适合寒地材料对比试验。']));
  return {
    title,
    organisation,
    sentences,
    extra: {
      model,
      manufacturer: maker,
      originalValue: value,
      purchaseYear,
      technicalParameters: parameters.join('；'),
      applicationScope: uses.join('、'),
      openHours: rng.pick(OPEN_HOURS),
      bookingMode: kind.booking === 'slot' && rng.chance(0.85) ? 'slot' : 'sample',
      instrumentState: rng.weighted(STATES),
    },
    tags: [kind.abbr || kind.name.slice(-4), field, ...(rng.chance(0.4) ? [rng.pick(topic.english)] : [])],
    fee: kind.booking === 'slot' ? { unit: '元/小时', min: 100, max: 1500 } : { unit: '元/样', min: 50, max: 2000 },
  };
};
