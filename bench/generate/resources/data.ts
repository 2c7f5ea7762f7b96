import { ownerOrganisation } from '../organisations';
import type { CategoryBuilder } from './draft';

const FORMATS = ['CSV', 'JSON', 'Excel', 'GeoTIFF', 'SQL', 'API 接口', 'Shapefile', 'Parquet'] as const;
const FREQUENCIES = ['实时', '每日', '每周', '每月', '每季度', '每年', '不定期'] as const;
const ACCESS = ['签署数据使用协议后开放', '联盟成员单位免费获取', '仅限科研用途', 'API 申请审批后开放', '脱敏后按需提供'] as const;

/** 数据资源: 数据集, 数据库, 遥感影像… */
export const buildData: CategoryBuilder = ({ rng, zone, profile, topicKey, topic }) => {
  const keyword = rng.pick(topic.keywords);
  const title = rng.weighted([
    [`${zone.province}${keyword}数据集`, 30],
    [`东北地区${keyword}数据库`, 25],
    [`${profile.cityShort}${topic.name}产业数据`, 20],
    [`${rng.pick(topic.products)}检测数据共享库`, 15],
    [`${keyword}遥感影像数据`, topicKey === 'aerospace' || topicKey === 'agriFood' ? 20 : 2],
  ]);
  const organisation = ownerOrganisation(rng, profile, topicKey, 0.6);
  const dataFormat = rng.pick(FORMATS);
  const updateFrequency = rng.pick(FREQUENCIES);
  const accessConditions = rng.pick(ACCESS);
  const sentences = [
    `${title}由${organisation}采集整理，覆盖${rng.pick(['东北三省一区', zone.province, `${profile.cityShort}及周边`, '联盟 19 个国家高新区'])}，数据量约 ${rng.int(1, 900)} ${rng.pick(['万条', 'GB', 'TB'])}。`,
    `以 ${dataFormat} 格式提供，${updateFrequency}更新，${accessConditions}。`,
    rng.chance(0.4) ? `可用于 AI 模型训练、${keyword}分析与产业决策。` : `可支撑${keyword}研究与产业规划。`,
  ];
  return {
    title,
    organisation,
    sentences,
    extra: { dataFormat, updateFrequency, accessConditions },
    tags: ['数据', keyword, dataFormat.split(' ')[0]!],
    fee: { unit: '元/次', min: 500, max: 50_000 },
  };
};
