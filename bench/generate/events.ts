import { addMinutesShanghai, deterministicUlid, randomDate, shanghaiDateTime } from './ids-and-times';
import { companyName } from './organisations';
import { recordRng, type Rng } from './prng';
import { pickZoneAndTopic, profileOf, ROSTER, SECRETARIAT } from './zones';
import { EVENT_TYPES, type EventType, type GeneratedEvent } from './types';
import { TOPICS, type TopicKey } from './vocab/topics';
import type { ZoneProfile } from './vocab/zone-profiles';

const TYPE_WEIGHTS = [['seminar', 18], ['roadshow', 14], ['matchmaking', 16], ['training', 18], ['contest', 5], ['forum', 9], ['visit', 12], ['meeting', 8]] as const;
const CAPACITY: Record<EventType, readonly [number, number]> = {
  seminar: [20, 100], roadshow: [50, 300], matchmaking: [80, 500], training: [30, 200],
  contest: [100, 1000], forum: [200, 2000], visit: [10, 40], meeting: [20, 80],
};
const DURATION_MIN: Record<EventType, readonly number[]> = {
  seminar: [120, 180], roadshow: [150, 240], matchmaking: [180, 240], training: [180, 360, 420],
  contest: [240, 480], forum: [180, 480], visit: [180, 240], meeting: [90, 120, 180],
};
const START_TIMES = [[9, 0], [9, 30], [13, 30], [14, 0], [14, 30], [8, 30]] as const;
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const WINTER = [1, 2, 11, 12];

/** Event #seq of the N 场创新活动, in 2026, Asia/Shanghai wall-clock times. */
export function generateEvent(seed: number, seq: number): GeneratedEvent {
  const rng = recordRng(seed, 'event', seq);
  const type: EventType = rng.weighted(TYPE_WEIGHTS);
  const picked = pickZoneAndTopic(rng);
  // The alliance's own meetings are mostly called by the secretariat (Harbin).
  const zone = type === 'meeting' && rng.chance(0.6) ? SECRETARIAT : picked.zone;
  const profile = profileOf(zone);
  const topic = TOPICS[picked.topicKey];
  const title = titleFor(rng, type, picked.topicKey, zone.shortName, profile);
  // Ice-and-snow events happen in winter; everything else any day of the year.
  const date = randomDate(rng, 2026, picked.topicKey === 'iceSnow' ? WINTER : undefined);
  const [hour, minute] = rng.pick(START_TIMES);
  const startAt = shanghaiDateTime(date, hour, minute);
  const online = rng.chance(0.1);
  const coHostZoneCodes = rng.sample(ROSTER.filter((z) => z.code !== zone.code), rng.weighted([[0, 5], [1, 3], [2, 1], [3, 1]])).map((z) => z.code);
  const organiser = rng.weighted([
    [`${zone.shortName}管委会`, 4],
    [`${zone.shortName}科技创新局`, 3],
    ['东北地区国家高新区联盟秘书处', type === 'meeting' ? 8 : 1],
    [rng.pick(profile.institutions), 2],
    [companyName(rng, profile, picked.topicKey), 2],
  ]);
  const venue = online ? rng.pick(['线上（腾讯会议）', '线上（钉钉直播）']) : venueIn(rng, profile);
  const [minCap, maxCap] = CAPACITY[type];
  const capacity = Math.round(rng.int(minCap, maxCap) / 10) * 10 || minCap;
  const description = [
    `${organiser}${coHostZoneCodes.length > 0 ? `联合 ${coHostZoneCodes.length} 个兄弟高新区` : ''}举办${EVENT_TYPES[type].split('/')[0]}，主题聚焦${rng.pick(topic.keywords)}，推动${topic.name}产业跨区域协同。`,
    `活动预计 ${capacity} 人参加，${rng.pick(['邀请高校院所专家作主题报告', '设置企业需求发布与项目对接环节', '组织现场参观与交流', '发布联盟科技资源共享清单'])}。`,
    rng.chance(0.3) ? `同步开通线上直播${rng.chance(0.5) ? '，支持 AI 实时字幕' : ''}。` : '',
  ].join('');
  return {
    id: deterministicUlid(Date.parse(startAt) - rng.int(7, 60) * 86_400_000, rng),
    seq,
    type,
    title,
    hostZoneCode: zone.code,
    coHostZoneCodes,
    organiser,
    startAt,
    endAt: addMinutesShanghai(startAt, rng.pick(DURATION_MIN[type])),
    capacity,
    venue,
    online,
    description,
    // Relative to the bench's notional "today" (2026-04-01), so the mix never depends on the clock.
    status: startAt < '2026-04-01' ? (rng.chance(0.95) ? 'finished' : 'cancelled') : rng.chance(0.4) ? 'open' : 'planned',
  };
}

function titleFor(rng: Rng, type: EventType, topicKey: TopicKey, zoneShortName: string, profile: ZoneProfile): string {
  const topic = TOPICS[topicKey];
  const keyword = rng.pick(topic.keywords);
  const nth = rng.pick(ORDINALS);
  return {
    seminar: () => rng.pick([`${topic.name}产业发展研讨会`, `${keyword}技术座谈会`, `${zoneShortName}${keyword}企业座谈会`]),
    roadshow: () => rng.pick([`${topic.name}项目路演（第${nth}期）`, `${profile.cityShort}科技成果转化项目路演`, `“科创东北”${topic.name}专场路演`]),
    matchmaking: () => rng.pick([`${topic.name}供需对接会（${profile.cityShort}站）`, `${keyword}产学研对接会`, '大型科研仪器共享供需对接会']),
    training: () => rng.pick([`${keyword}专题培训班`, '高新技术企业认定政策培训', `技术经纪人培训（第${nth}期）`, '知识产权运营实务培训']),
    contest: () => rng.pick([`第${nth}届东北地区国家高新区创新创业大赛（${profile.cityShort}赛区）`, `${topic.name}创新创业大赛`, `“揭榜挂帅”${keyword}技术挑战赛`]),
    forum: () => rng.pick([`2026 东北${topic.name}高峰论坛`, `${profile.cityShort}${keyword}创新论坛`, `东北振兴科技创新论坛·${topic.name}分论坛`]),
    visit: () => rng.pick([`赴${rng.pick(ROSTER).shortName}参观考察${topic.name}产业`, `${keyword}企业参观交流活动`, `走进${rng.pick(profile.institutions)}：${keyword}实验室开放日`]),
    meeting: () => rng.pick([`东北地区国家高新区联盟 2026 年第${rng.pick(ORDINALS.slice(0, 4))}季度工作会议`, `联盟秘书处工作例会（${rng.int(1, 12)} 月）`, '联盟理事会会议', `联盟${topic.name}专业委员会会议`]),
  }[type]();
}

function venueIn(rng: Rng, profile: ZoneProfile): string {
  return rng.pick([
    `${profile.cityShort}国际会展中心`,
    `${profile.cityShort}高新区管委会 ${rng.int(2, 12)} 楼会议室`,
    `${rng.pick(profile.institutions)}学术报告厅`,
    `${profile.cityShort}科技大厦多功能厅`,
    `${profile.cityShort}创新创业服务中心路演厅`,
    `${profile.cityShort}国际大酒店会议厅`,
  ]);
}
