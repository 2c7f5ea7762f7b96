import type { ResourceStatus, SharingMode } from '../../../shared/domain/resource';
import { deterministicUlid, isoUtc, randomInstant } from '../ids-and-times';
import { streetAddress } from '../organisations';
import { recordRng, type Rng } from '../prng';
import { pickZoneAndTopic } from '../zones';
import type { GeneratedResource } from '../types';
import { emailAddress, personName, phoneNumber } from '../vocab/people';
import { TOPICS, type TopicKey } from '../vocab/topics';
import { CATEGORY_WEIGHTS, type CategorySpec } from './categories';
import type { CategoryDraft } from './draft';

const STATUSES = [['published', 70], ['approved', 5], ['submitted', 8], ['draft', 10], ['returned', 3], ['archived', 4]] as const;
const DAY_MS = 86_400_000;

/** Resource #seq of the dataset for `seed`: the same object on every run. */
export function generateResource(seed: number, seq: number): GeneratedResource {
  const rng = recordRng(seed, 'resource', seq);
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const { zone, profile, topicKey } = pickZoneAndTopic(rng);
  const draft = category.build({ rng, zone, profile, topicKey, topic: TOPICS[topicKey] });
  const sharingMode = rng.weighted(category.sharing);
  const fee = feeFor(rng, sharingMode, draft);
  const createdMs = randomInstant(rng, '2024-01-01T00:00:00Z', '2026-03-01T00:00:00Z');
  const updatedMs = createdMs + rng.int(0, 120) * DAY_MS + rng.int(0, DAY_MS - 1);
  return {
    id: deterministicUlid(createdMs, rng),
    seq,
    categoryCode: category.code,
    categoryName: category.name,
    ownerZoneCode: zone.code,
    title: draft.title,
    organisation: draft.organisation,
    location: streetAddress(rng, profile),
    description: [...draft.sentences, ...englishMention(rng, topicKey), sharingSentence(rng, sharingMode, category)].join(''),
    sharingMode,
    feeStandard: fee.standard,
    feeAmount: fee.amount,
    contactPerson: personName(rng),
    contactPhone: phoneNumber(rng, profile.areaCode),
    contactEmail: rng.chance(0.8) ? emailAddress(rng, seq) : '',
    tags: [...new Set(draft.tags)].slice(0, 10),
    extra: draft.extra,
    status: rng.weighted(STATUSES) as ResourceStatus,
    createdAt: isoUtc(createdMs),
    updatedAt: isoUtc(Math.min(updatedMs, Date.parse('2026-03-31T00:00:00Z'))),
  };
}

function feeFor(rng: Rng, mode: SharingMode, draft: CategoryDraft): { standard: string; amount: number | null } {
  if (mode === 'free') return { standard: rng.pick(['免费（需提前 3 个工作日预约）', '联盟成员单位免费，耗材自理', '免费开放']), amount: 0 };
  if (mode === 'negotiable') return { standard: rng.pick(['面议', '按项目面议', '根据服务内容协商确定']), amount: null };
  const step = draft.fee.max >= 100_000 ? 1000 : draft.fee.max >= 10_000 ? 100 : 10;
  const amount = Math.round(rng.int(draft.fee.min, draft.fee.max) / step) * step || draft.fee.min;
  const discount = rng.chance(0.3) ? `（联盟成员单位 ${rng.pick(['8', '8.5', '9'])} 折）` : '';
  return { standard: `${amount} ${draft.fee.unit}${discount}`, amount };
}

/** Registry texts mix in Latin abbreviations (GMP, AI, IoT, NdFeB); a search must find them too. */
function englishMention(rng: Rng, topicKey: TopicKey): string[] {
  if (!rng.chance(0.3)) return [];
  const word = rng.pick(TOPICS[topicKey].english);
  return [rng.pick([`涉及 ${word} 相关技术。`, `团队熟悉 ${word} 相关标准与工艺。`, `已开展 ${word} 应用示范。`, `可提供 ${word} 方向的技术支持。`])];
}

function sharingSentence(rng: Rng, mode: SharingMode, category: CategorySpec): string {
  const how = { free: '免费向联盟成员单位开放共享', paid: '按收费标准对外提供有偿服务', negotiable: '合作方式与费用面议' }[mode];
  const channel = category.code === 'instrument' ? rng.pick(['请通过平台提交预约', '请提前电话预约机时', '可通过平台在线预约或送样']) : rng.pick(['欢迎来电洽谈', '请通过平台提交需求', '可预约实地考察']);
  return `${how}，${channel}。`;
}
