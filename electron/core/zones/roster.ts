import type { ZoneLevel } from '../../../shared/domain/zone';
import type { Role } from '../../../shared/domain/record';

/** The alliance roster shipped as the embedded default: the 19 national zones (2026). The
 * secretariat corrects it in the app; the product never reads the reference files at run time. */
export interface RosterEntry { code: string; name: string; shortName: string; level: ZoneLevel; province: string; city: string; role: Role }

export const DEFAULT_ROSTER: readonly RosterEntry[] = [
  { code: 'SY', name: '沈阳高新技术产业开发区', shortName: '沈阳高新区', level: 'national', province: '辽宁省', city: '沈阳市', role: 'member' },
  { code: 'DL', name: '大连高新技术产业园区', shortName: '大连高新区', level: 'national', province: '辽宁省', city: '大连市', role: 'member' },
  { code: 'AS', name: '鞍山高新技术产业开发区', shortName: '鞍山高新区', level: 'national', province: '辽宁省', city: '鞍山市', role: 'member' },
  { code: 'YK', name: '营口高新技术产业开发区', shortName: '营口高新区', level: 'national', province: '辽宁省', city: '营口市', role: 'member' },
  { code: 'LY', name: '辽阳高新技术产业开发区', shortName: '辽阳高新区', level: 'national', province: '辽宁省', city: '辽阳市', role: 'member' },
  { code: 'BX', name: '本溪高新技术产业开发区', shortName: '本溪高新区', level: 'national', province: '辽宁省', city: '本溪市', role: 'member' },
  { code: 'FX', name: '阜新高新技术产业开发区', shortName: '阜新高新区', level: 'national', province: '辽宁省', city: '阜新市', role: 'member' },
  { code: 'JZ', name: '锦州高新技术产业开发区', shortName: '锦州高新区', level: 'national', province: '辽宁省', city: '锦州市', role: 'member' },
  { code: 'CC', name: '长春高新技术产业开发区', shortName: '长春高新区', level: 'national', province: '吉林省', city: '长春市', role: 'member' },
  { code: 'JY', name: '长春净月高新技术产业开发区', shortName: '长春净月高新区', level: 'national', province: '吉林省', city: '长春市', role: 'member' },
  { code: 'JL', name: '吉林高新技术产业开发区', shortName: '吉林高新区', level: 'national', province: '吉林省', city: '吉林市', role: 'member' },
  { code: 'YJ', name: '延吉高新技术产业开发区', shortName: '延吉高新区', level: 'national', province: '吉林省', city: '延边朝鲜族自治州', role: 'member' },
  { code: 'TH', name: '通化医药高新技术产业开发区', shortName: '通化医药高新区', level: 'national', province: '吉林省', city: '通化市', role: 'member' },
  { code: 'HRB', name: '哈尔滨高新技术产业开发区', shortName: '哈尔滨高新区', level: 'national', province: '黑龙江省', city: '哈尔滨市', role: 'secretariat' },
  { code: 'DQ', name: '大庆高新技术产业开发区', shortName: '大庆高新区', level: 'national', province: '黑龙江省', city: '大庆市', role: 'member' },
  { code: 'QQHR', name: '齐齐哈尔高新技术产业开发区', shortName: '齐齐哈尔高新区', level: 'national', province: '黑龙江省', city: '齐齐哈尔市', role: 'member' },
  { code: 'BT', name: '包头稀土高新技术产业开发区', shortName: '包头稀土高新区', level: 'national', province: '内蒙古自治区', city: '包头市', role: 'member' },
  { code: 'HHHT', name: '呼和浩特金山高新技术产业开发区', shortName: '呼和浩特金山高新区', level: 'national', province: '内蒙古自治区', city: '呼和浩特市', role: 'member' },
  { code: 'ORDOS', name: '鄂尔多斯高新技术产业开发区', shortName: '鄂尔多斯高新区', level: 'national', province: '内蒙古自治区', city: '鄂尔多斯市', role: 'member' },
];
