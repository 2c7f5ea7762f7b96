/**
 * Industry topics of the Northeast zones. Every generated record is "about" one topic, so
 * titles, descriptions and tags agree with each other (a 稀土 pilot base describes 钕铁硼,
 * not vaccines) and a zone's records lean to its real industries.
 */
export interface Topic {
  name: string;
  /** Phrases that appear in titles and descriptions. */
  keywords: readonly string[];
  /** Objects a lab tests, a pilot base scales up, a patent claims. */
  products: readonly string[];
  /** English words and abbreviations the alliance's documents mix in. */
  english: readonly string[];
}

export const TOPICS = {
  rareEarth: {
    name: '稀土新材料',
    keywords: ['稀土永磁材料', '钕铁硼', '稀土抛光材料', '稀土储氢合金', '稀土发光材料', '稀土催化材料'],
    products: ['烧结钕铁硼磁体', '稀土抛光粉', '储氢合金粉', '稀土荧光粉', '稀土镁合金'],
    english: ['NdFeB', 'ICP-MS'],
  },
  graphene: {
    name: '石墨及石墨烯',
    keywords: ['石墨烯', '石墨负极材料', '膨胀石墨', '石墨烯导热膜', '碳纳米管'],
    products: ['石墨烯粉体', '石墨烯导电浆料', '球形石墨', '石墨烯改性涂料'],
    english: ['CVD', 'Raman'],
  },
  semiconductor: {
    name: '第三代半导体与集成电路',
    keywords: ['碳化硅', '氮化镓', '功率器件', '芯片', '集成电路', 'MEMS传感器', '封装测试'],
    products: ['碳化硅衬底', '功率模块', '传感器芯片', '外延片', '光电芯片'],
    english: ['SiC', 'GaN', 'IGBT', 'MEMS', 'FPGA'],
  },
  automotive: {
    name: '汽车及零部件',
    keywords: ['汽车零部件检测', '新能源汽车', '动力电池', '智能网联汽车', '汽车电子', '车身轻量化'],
    products: ['汽车零部件', '动力电池包', '车载控制器', '铝合金轮毂', '线束总成'],
    english: ['ADAS', 'BMS', 'NVH'],
  },
  industrialInternet: {
    name: '工业互联网',
    keywords: ['工业互联网', '标识解析', '数字孪生', '工业APP', '边缘计算', '设备上云'],
    products: ['工业网关', '设备管理平台', '数字孪生模型', '工业数据采集终端'],
    english: ['IoT', '5G', 'PLC', 'MES'],
  },
  ai: {
    name: '人工智能',
    keywords: ['人工智能', '机器视觉', '大模型', '智能语音', '知识图谱', '算力'],
    products: ['视觉检测系统', '智能客服系统', '行业大模型', '智能巡检机器人'],
    english: ['AI', 'GPU', 'LLM', 'OCR'],
  },
  robotics: {
    name: '机器人与智能装备',
    keywords: ['工业机器人', '焊接机器人', '服务机器人', '数控机床', '精密减速器', '智能制造'],
    products: ['六轴机器人', '协作机器人', 'AGV', '五轴加工中心', '谐波减速器'],
    english: ['CNC', 'AGV', 'ROS'],
  },
  biomedicine: {
    name: '生物医药',
    keywords: ['生物医药', '抗体药物', '疫苗', '细胞治疗', '原料药', '创新药', '仿制药一致性评价'],
    products: ['单克隆抗体', '重组蛋白', '冻干粉针剂', '口服固体制剂', '细胞制剂'],
    english: ['GMP', 'CAR-T', 'mRNA', 'GLP'],
  },
  medicalDevice: {
    name: '医疗器械',
    keywords: ['医疗器械', '体外诊断', '医学影像', '康复器械', '植介入器械'],
    products: ['体外诊断试剂', '超声探头', '骨科植入物', '康复外骨骼'],
    english: ['IVD', 'CT', 'MRI'],
  },
  chineseMedicine: {
    name: '中药与道地药材',
    keywords: ['人参', '中药饮片', '道地药材', '五味子', '鹿茸', '中药现代化', '北药'],
    products: ['人参皂苷', '中药配方颗粒', '林下参', '中药提取物'],
    english: ['GAP', 'HPLC'],
  },
  agriFood: {
    name: '现代农业与食品',
    keywords: ['寒地水稻', '大豆育种', '玉米深加工', '黑土地保护', '乳制品', '智慧农业', '农产品检测'],
    products: ['大豆蛋白', '玉米淀粉', '益生菌', '婴幼儿配方乳粉', '有机肥'],
    english: ['GAP', 'HACCP'],
  },
  newEnergy: {
    name: '新能源',
    keywords: ['氢能', '光伏', '风电', '储能', '锂离子电池', '燃料电池', '绿电制氢'],
    products: ['电解槽', '储能电池', '光伏组件', '燃料电池电堆', '钒液流电池'],
    english: ['PEM', 'SOFC', 'BMS'],
  },
  petrochemical: {
    name: '石油化工与精细化工',
    keywords: ['催化剂', '芳烃', '聚烯烃', '精细化学品', '煤化工', '氟化工', '油田化学'],
    products: ['分子筛催化剂', '特种聚烯烃', '表面活性剂', '含氟精细化学品', '驱油剂'],
    english: ['GC-MS', 'PX'],
  },
  advancedMetals: {
    name: '先进金属与复合材料',
    keywords: ['高端钢材', '镁合金', '钛合金', '碳纤维', '焊接材料', '粉末冶金', '菱镁新材料'],
    products: ['高强钢板', '镁合金型材', '碳纤维复合材料', '金属粉末', '耐火材料'],
    english: ['SEM', 'EBSD'],
  },
  aerospace: {
    name: '航空航天',
    keywords: ['航空发动机', '卫星遥感', '无人机', '航空复合材料', '精密光学'],
    products: ['遥感卫星载荷', '航空结构件', '无人机飞控', '光学镜头'],
    english: ['UAV', 'GIS'],
  },
  photonics: {
    name: '光电信息',
    keywords: ['激光器', '光学镜头', '红外探测', '光纤传感', '激光加工', '光电显示'],
    products: ['光纤激光器', '红外热像仪', '激光雷达', '光学元件'],
    english: ['LiDAR', 'LED'],
  },
  iceSnow: {
    name: '冰雪装备与寒地测试',
    keywords: ['冰雪装备', '寒地测试', '低温环境试验', '冬季汽车测试', '防寒材料', '造雪机'],
    products: ['滑雪板', '压雪车', '寒地电池', '防冻液', '低温电缆'],
    english: ['-40℃', 'IP67'],
  },
  lowAltitude: {
    name: '低空经济',
    keywords: ['低空飞行器', '无人机植保', '电动垂直起降', '低空物流', '空域监管'],
    products: ['植保无人机', '物流无人机', 'eVTOL样机', '低空监视雷达'],
    english: ['eVTOL', 'UAV', 'ADS-B'],
  },
  software: {
    name: '软件与信息服务',
    keywords: ['工业软件', '信创', '软件测评', '网络安全', '云计算', '大数据', '数据要素'],
    products: ['ERP系统', '数据中台', '信创适配', '安全态势感知平台'],
    english: ['SaaS', 'ERP', 'CAD', 'API'],
  },
  heavyEquipment: {
    name: '高端装备',
    keywords: ['重型装备', '液压件', '轴承', '泵阀', '铸锻件', '压力容器'],
    products: ['液压油缸', '大型铸锻件', '风电轴承', '核电阀门'],
    english: ['CMM', 'NDT'],
  },
  greenLowCarbon: {
    name: '节能环保与双碳',
    keywords: ['污水处理', '固废资源化', '碳捕集利用与封存', '碳中和', '节能改造', '煤矸石综合利用'],
    products: ['膜处理装置', '余热回收装置', '碳排放监测系统'],
    english: ['CCUS', 'ESG'],
  },
  marine: {
    name: '海洋与船舶',
    keywords: ['船舶配套', '海洋工程装备', '海洋生物', '港航物流'],
    products: ['船用柴油机零件', '海参深加工产品', '海洋防腐涂料'],
    english: ['LNG'],
  },
} as const satisfies Record<string, Topic>;

export type TopicKey = keyof typeof TOPICS;
export const TOPIC_KEYS = Object.keys(TOPICS) as TopicKey[];
