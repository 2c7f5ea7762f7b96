import type { TopicKey } from './topics';

/**
 * What makes each roster zone's records look like they come from there: its city, phone
 * area code, streets, research institutions and leading industries. Keyed by the roster
 * code (electron/core/zones/roster.ts); a test checks every roster zone has a profile.
 * `weight` is the zone's share of the registry: the provincial capitals and Dalian hold
 * most instruments and labs.
 */
export interface ZoneProfile {
  cityShort: string;
  /** Written before the district in an address (the roster's province + city). */
  addressCity: string;
  areaCode: string;
  districts: readonly string[];
  roads: readonly string[];
  institutions: readonly string[];
  industries: readonly TopicKey[];
  weight: number;
}

export const ZONE_PROFILES: Record<string, ZoneProfile> = {
  SY: {
    cityShort: '沈阳', addressCity: '辽宁省沈阳市', areaCode: '024', weight: 10,
    districts: ['浑南区', '和平区', '沈河区', '铁西区'], roads: ['创新路', '浑南中路', '智慧四街', '文萃路', '世纪路'],
    institutions: ['东北大学', '沈阳工业大学', '沈阳航空航天大学', '沈阳药科大学', '沈阳农业大学', '中国科学院金属研究所', '中国科学院沈阳自动化研究所', '沈阳化工大学', '沈阳建筑大学', '辽宁省农业科学院'],
    industries: ['robotics', 'semiconductor', 'aerospace', 'software', 'automotive', 'industrialInternet', 'advancedMetals'],
  },
  DL: {
    cityShort: '大连', addressCity: '辽宁省大连市', areaCode: '0411', weight: 10,
    districts: ['甘井子区', '高新园区', '沙河口区', '金州区'], roads: ['黄浦路', '七贤岭路', '软件园路', '数码路', '学子街'],
    institutions: ['大连理工大学', '大连海事大学', '中国科学院大连化学物理研究所', '大连医科大学', '大连工业大学', '大连交通大学', '辽宁师范大学'],
    industries: ['software', 'petrochemical', 'newEnergy', 'marine', 'ai', 'biomedicine'],
  },
  AS: {
    cityShort: '鞍山', addressCity: '辽宁省鞍山市', areaCode: '0412', weight: 4,
    districts: ['铁东区', '立山区', '千山区'], roads: ['千山中路', '激光产业园路', '科技路', '越岭路'],
    institutions: ['辽宁科技大学', '鞍山师范学院', '鞍钢集团钢铁研究院'],
    industries: ['advancedMetals', 'photonics', 'heavyEquipment', 'industrialInternet'],
  },
  YK: {
    cityShort: '营口', addressCity: '辽宁省营口市', areaCode: '0417', weight: 3,
    districts: ['西市区', '鲅鱼圈区', '老边区'], roads: ['渤海大街', '新联大街', '学府路'],
    institutions: ['营口理工学院', '辽宁镁质材料研究院'],
    industries: ['advancedMetals', 'newEnergy', 'heavyEquipment', 'marine'],
  },
  LY: {
    cityShort: '辽阳', addressCity: '辽宁省辽阳市', areaCode: '0419', weight: 3,
    districts: ['宏伟区', '太子河区', '白塔区'], roads: ['新华路', '中华大街', '龙鼎山路'],
    institutions: ['辽阳职业技术学院', '辽阳石化研究院'],
    industries: ['petrochemical', 'advancedMetals', 'greenLowCarbon'],
  },
  BX: {
    cityShort: '本溪', addressCity: '辽宁省本溪市', areaCode: '024', weight: 3,
    districts: ['溪湖区', '明山区', '平山区'], roads: ['神农大街', '药都路', '石桥子路'],
    institutions: ['辽宁科技学院', '本溪生物医药产业技术研究院'],
    industries: ['biomedicine', 'chineseMedicine', 'medicalDevice', 'advancedMetals'],
  },
  FX: {
    cityShort: '阜新', addressCity: '辽宁省阜新市', areaCode: '0418', weight: 3,
    districts: ['细河区', '海州区', '太平区'], roads: ['中华路', '解放大街', '玉龙路'],
    institutions: ['辽宁工程技术大学', '阜新液压产业技术研究院'],
    industries: ['heavyEquipment', 'petrochemical', 'agriFood', 'greenLowCarbon'],
  },
  JZ: {
    cityShort: '锦州', addressCity: '辽宁省锦州市', areaCode: '0416', weight: 3,
    districts: ['太和区', '松山新区', '凌河区'], roads: ['科技路', '解放路', '渤海大道'],
    institutions: ['辽宁工业大学', '渤海大学', '锦州医科大学'],
    industries: ['newEnergy', 'automotive', 'semiconductor', 'biomedicine'],
  },
  CC: {
    cityShort: '长春', addressCity: '吉林省长春市', areaCode: '0431', weight: 10,
    districts: ['朝阳区', '高新区', '南关区', '绿园区'], roads: ['硅谷大街', '卫星路', '前进大街', '东南湖大路', '飞跃路'],
    institutions: ['吉林大学', '长春理工大学', '中国科学院长春光学精密机械与物理研究所', '中国科学院长春应用化学研究所', '长春工业大学', '吉林省农业科学院'],
    industries: ['automotive', 'photonics', 'aerospace', 'biomedicine', 'ai', 'medicalDevice'],
  },
  JY: {
    cityShort: '长春', addressCity: '吉林省长春市', areaCode: '0431', weight: 5,
    districts: ['净月区', '南关区'], roads: ['净月大街', '博硕路', '福祉大路', '生态大街'],
    institutions: ['东北师范大学', '吉林财经大学', '长春中医药大学', '吉林动画学院', '吉林农业大学'],
    industries: ['software', 'ai', 'chineseMedicine', 'agriFood', 'biomedicine'],
  },
  JL: {
    cityShort: '吉林', addressCity: '吉林省吉林市', areaCode: '0432', weight: 4,
    districts: ['丰满区', '船营区', '昌邑区'], roads: ['深圳街', '长春路', '吉林大街'],
    institutions: ['东北电力大学', '北华大学', '吉林化工学院', '吉林碳纤维产业技术研究院'],
    industries: ['advancedMetals', 'petrochemical', 'newEnergy', 'iceSnow'],
  },
  YJ: {
    cityShort: '延吉', addressCity: '吉林省延边朝鲜族自治州延吉市', areaCode: '0433', weight: 3,
    districts: ['长白路街道', '进学街道', '北山街道'], roads: ['长白山西路', '公园路', '天池路'],
    institutions: ['延边大学', '延边州农业科学院'],
    industries: ['biomedicine', 'agriFood', 'chineseMedicine', 'software'],
  },
  TH: {
    cityShort: '通化', addressCity: '吉林省通化市', areaCode: '0435', weight: 3,
    districts: ['东昌区', '二道江区'], roads: ['新华大街', '滨江西路', '医药大街'],
    institutions: ['通化师范学院', '吉林省人参研究院'],
    industries: ['biomedicine', 'chineseMedicine', 'agriFood', 'medicalDevice'],
  },
  HRB: {
    cityShort: '哈尔滨', addressCity: '黑龙江省哈尔滨市', areaCode: '0451', weight: 10,
    districts: ['松北区', '南岗区', '香坊区', '平房区'], roads: ['创新二路', '世茂大道', '学府路', '科技一街', '中山路'],
    institutions: ['哈尔滨工业大学', '哈尔滨工程大学', '东北林业大学', '东北农业大学', '哈尔滨理工大学', '黑龙江大学', '哈尔滨医科大学', '黑龙江省科学院', '黑龙江中医药大学'],
    industries: ['robotics', 'aerospace', 'iceSnow', 'ai', 'biomedicine', 'heavyEquipment', 'graphene', 'lowAltitude'],
  },
  DQ: {
    cityShort: '大庆', addressCity: '黑龙江省大庆市', areaCode: '0459', weight: 6,
    districts: ['萨尔图区', '让胡路区', '龙凤区'], roads: ['新风路', '学府街', '东湖路'],
    institutions: ['东北石油大学', '黑龙江八一农垦大学', '大庆油田勘探开发研究院'],
    industries: ['petrochemical', 'newEnergy', 'heavyEquipment', 'agriFood', 'iceSnow'],
  },
  QQHR: {
    cityShort: '齐齐哈尔', addressCity: '黑龙江省齐齐哈尔市', areaCode: '0452', weight: 4,
    districts: ['建华区', '龙沙区', '铁锋区'], roads: ['卜奎大街', '龙华路', '文化大街'],
    institutions: ['齐齐哈尔大学', '齐齐哈尔医学院'],
    industries: ['heavyEquipment', 'agriFood', 'advancedMetals', 'iceSnow'],
  },
  BT: {
    cityShort: '包头', addressCity: '内蒙古自治区包头市', areaCode: '0472', weight: 6,
    districts: ['稀土高新区', '昆都仑区', '青山区'], roads: ['黄河大街', '稀土大街', '阿尔丁大街'],
    institutions: ['内蒙古科技大学', '包头稀土研究院', '包头师范学院'],
    industries: ['rareEarth', 'advancedMetals', 'newEnergy', 'heavyEquipment'],
  },
  HHHT: {
    cityShort: '呼和浩特', addressCity: '内蒙古自治区呼和浩特市', areaCode: '0471', weight: 4,
    districts: ['赛罕区', '金川开发区', '新城区'], roads: ['金山大街', '大学西街', '昭乌达路'],
    institutions: ['内蒙古大学', '内蒙古农业大学', '内蒙古工业大学', '内蒙古医科大学'],
    industries: ['agriFood', 'biomedicine', 'software', 'newEnergy'],
  },
  ORDOS: {
    cityShort: '鄂尔多斯', addressCity: '内蒙古自治区鄂尔多斯市', areaCode: '0477', weight: 4,
    districts: ['康巴什区', '东胜区'], roads: ['康宁路', '鄂尔多斯大街', '锦绣路'],
    institutions: ['鄂尔多斯应用技术学院', '鄂尔多斯实验室'],
    industries: ['petrochemical', 'newEnergy', 'greenLowCarbon', 'lowAltitude'],
  },
};
