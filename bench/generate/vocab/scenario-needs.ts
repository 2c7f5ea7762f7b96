import type { TopicKey } from './topics';

/**
 * Application-scenario categories (X 类应用场景) and the concrete needs zones publish under
 * them. `topic` names the industry whose companies answer (or post) the listing.
 */
export interface ScenarioCategory {
  name: string;
  topic: TopicKey;
  weight: number;
  /** Whether government bodies post most of these (数字政务, 智慧城市). */
  publicSector: boolean;
  needs: readonly string[];
}

export const SCENARIO_CATEGORIES: readonly ScenarioCategory[] = [
  { name: '智能制造', topic: 'robotics', weight: 16, publicSector: false, needs: ['产线 AI 视觉质检', '焊装车间数字孪生', '智能仓储物流改造', '设备预测性维护', '柔性装配线改造', '铸造车间机器人替代'] },
  { name: '工业互联网', topic: 'industrialInternet', weight: 8, publicSector: false, needs: ['标识解析二级节点应用', '中小企业设备上云', '5G 全连接工厂', '能耗在线监测', '供应链协同平台'] },
  { name: '智慧农业', topic: 'agriFood', weight: 10, publicSector: false, needs: ['寒地水稻无人化种植', '黑土地墒情监测', '大豆病虫害智能识别', '奶牛养殖数字化管理', '农产品冷链溯源', '玉米秸秆综合利用'] },
  { name: '新能源', topic: 'newEnergy', weight: 10, publicSector: false, needs: ['风光制氢一体化示范', '储能电站智能运维', '分布式光伏并网', '氢燃料电池重卡示范运营', '动力电池梯次利用'] },
  { name: '生物医药', topic: 'biomedicine', weight: 9, publicSector: false, needs: ['创新药临床前评价', '人参皂苷高效提取', '疫苗冷链追溯', '医疗器械注册检验', '中药配方颗粒标准研究'] },
  { name: '数字政务', topic: 'software', weight: 7, publicSector: true, needs: ['一网通办智能审批', '企业画像与精准服务', '政务数据共享交换', '12345 热线智能分析', '惠企政策智能匹配'] },
  { name: '冰雪经济', topic: 'iceSnow', weight: 8, publicSector: false, needs: ['冰雪装备国产化', '滑雪场智慧票务', '寒地汽车测试服务', '人工造雪节能改造', '冰雪旅游数字化营销'] },
  { name: '低空经济', topic: 'lowAltitude', weight: 7, publicSector: false, needs: ['无人机植保作业', '低空物流配送航线', '森林防火无人机巡检', '低空飞行服务站建设', '电力线路无人机巡检'] },
  { name: '智慧城市', topic: 'industrialInternet', weight: 7, publicSector: true, needs: ['城市生命线安全监测', '智慧停车', '老旧小区智慧化改造', '供热管网智能调控', '城市积雪清运调度'] },
  { name: '智慧医疗', topic: 'medicalDevice', weight: 6, publicSector: false, needs: ['AI 辅助影像诊断', '远程会诊平台', '智慧病房', '基层医疗健康管理'] },
  { name: '绿色低碳', topic: 'greenLowCarbon', weight: 6, publicSector: false, needs: ['园区碳排放监测', '工业余热回收', '煤矸石资源化利用', 'CCUS 示范工程'] },
  { name: '新材料应用', topic: 'advancedMetals', weight: 6, publicSector: false, needs: ['稀土永磁电机应用', '石墨烯供热膜应用', '碳纤维轻量化部件', '镁合金汽车部件'] },
];
