import type { Rng } from '../prng';

// Common surnames first (weighted by position), then Northeast ones (关, 那, 朴…).
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文关那朴佟'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红鹏飞宇浩凯健俊帆博旭晨欣怡佳琳雪梅雷峰宏志国建文东海波辉亮斌龙春晓颖婷鑫立新成德永学振宁松林爽岩冰哲睿然'];

export function personName(rng: Rng): string {
  const surname = SURNAMES[Math.min(SURNAMES.length - 1, Math.floor(rng.next() ** 2 * SURNAMES.length))]!;
  return surname + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
}

/** A mobile number or a landline with the zone's area code; both match the app's phone rule. */
export function phoneNumber(rng: Rng, areaCode: string): string {
  if (rng.chance(0.55)) return `1${rng.pick(['3', '5', '8', '9'])}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  return `${areaCode}-${rng.int(2, 8)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** Reserved example domains only: generated data must never mail a real person. */
export function emailAddress(rng: Rng, seq: number): string {
  const box = rng.pick(['kjzy', 'service', 'lab', 'contact', 'tech', 'office', 'zhaoshang']);
  return `${box}${seq}@${rng.pick(['example.cn', 'example.com', 'example.org'])}`;
}
