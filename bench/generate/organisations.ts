import type { Rng } from './prng';
import { TOPICS, type TopicKey } from './vocab/topics';
import type { ZoneProfile } from './vocab/zone-profiles';

const BRAND_CHARS = [...'华光科睿博源恒宇智创新力达信凯远航瑞泰和天鑫中东北锐精诚联众普同威德康盛弘晟'];
const COMPANY_SUFFIX = [['有限公司', 6], ['股份有限公司', 2], ['有限责任公司', 1]] as const;

/** The word a company of this industry puts in its name (…智能装备有限公司). */
const INDUSTRY_WORD: Record<TopicKey, readonly string[]> = {
  rareEarth: ['稀土材料', '磁材科技', '稀土新材料'],
  graphene: ['石墨烯科技', '碳材料', '新材料'],
  semiconductor: ['半导体', '微电子', '芯片科技'],
  automotive: ['汽车零部件', '汽车电子', '新能源汽车科技'],
  industrialInternet: ['工业互联网', '物联网科技', '数字科技'],
  ai: ['人工智能科技', '智能科技', '视觉科技'],
  robotics: ['机器人', '智能装备', '自动化设备'],
  biomedicine: ['生物医药', '生物科技', '制药'],
  medicalDevice: ['医疗器械', '医疗科技', '生物诊断'],
  chineseMedicine: ['药业', '人参产业', '中药科技'],
  agriFood: ['农业科技', '食品', '乳业'],
  newEnergy: ['新能源', '氢能科技', '储能科技'],
  petrochemical: ['化工', '精细化工', '石化科技'],
  advancedMetals: ['新材料', '合金材料', '复合材料'],
  aerospace: ['航空科技', '卫星技术', '航天科技'],
  photonics: ['光电', '激光科技', '光学'],
  iceSnow: ['冰雪装备', '寒地测试技术', '冰雪科技'],
  lowAltitude: ['无人机', '低空科技', '航空器'],
  software: ['软件', '信息技术', '网络科技'],
  heavyEquipment: ['重型机械', '液压', '装备制造'],
  greenLowCarbon: ['环保科技', '节能技术', '低碳科技'],
  marine: ['海洋科技', '船舶配套', '海洋生物'],
};

export function companyName(rng: Rng, profile: ZoneProfile, topic: TopicKey): string {
  const brand = rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS);
  return `${profile.cityShort}${brand}${rng.pick(INDUSTRY_WORD[topic])}${rng.weighted(COMPANY_SUFFIX)}`;
}

/** A university or institute of the zone, or a new-style R&D institute named after the industry. */
export function researchOrganisation(rng: Rng, profile: ZoneProfile, topic: TopicKey): string {
  if (rng.chance(0.75)) return rng.pick(profile.institutions);
  return rng.weighted([
    [`${profile.cityShort}${TOPICS[topic].name}产业技术研究院`, 3],
    [`${rng.pick(profile.institutions)}${TOPICS[topic].name}研究所`, 2],
    [`${profile.cityShort}市${TOPICS[topic].name}创新中心`, 1],
  ]);
}

/** Owner organisations of the registry: about half companies, half universities and institutes. */
export function ownerOrganisation(rng: Rng, profile: ZoneProfile, topic: TopicKey, researchShare = 0.5): string {
  return rng.chance(researchShare) ? researchOrganisation(rng, profile, topic) : companyName(rng, profile, topic);
}

export function streetAddress(rng: Rng, profile: ZoneProfile): string {
  return `${profile.addressCity}${rng.pick(profile.districts)}${rng.pick(profile.roads)}${rng.int(1, 2999)}号`;
}
