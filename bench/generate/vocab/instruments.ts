import type { TopicKey } from './topics';

/**
 * Large instruments as they appear in the national instrument-sharing registry: the Chinese
 * name, the usual abbreviation, real makers and models, the price band in 万元 and the
 * parameters an owner lists. `topics` says which industries mostly use it.
 */
export interface InstrumentKind {
  name: string;
  abbr: string;
  makers: readonly (readonly [maker: string, model: string])[];
  valueWan: readonly [min: number, max: number];
  parameters: readonly string[];
  uses: readonly string[];
  booking: 'slot' | 'sample';
  topics: readonly TopicKey[];
}

export const INSTRUMENTS: readonly InstrumentKind[] = [
  {
    name: '场发射扫描电子显微镜', abbr: 'SEM', valueWan: [280, 650], booking: 'slot',
    makers: [['蔡司', 'Sigma 300'], ['蔡司', 'GeminiSEM 560'], ['日立', 'SU8020'], ['赛默飞', 'Apreo 2'], ['日本电子', 'JSM-IT800']],
    parameters: ['分辨率 0.8 nm@15 kV', '放大倍数 12×–2,000,000×', '加速电压 0.02–30 kV', '配备能谱仪 EDS 与背散射探头'],
    uses: ['材料微观形貌观察', '断口分析', '元素面分布分析', '涂层厚度测量'], topics: ['advancedMetals', 'graphene', 'rareEarth', 'semiconductor'],
  },
  {
    name: '透射电子显微镜', abbr: 'TEM', valueWan: [900, 2800], booking: 'slot',
    makers: [['赛默飞', 'Talos F200X'], ['日本电子', 'JEM-2100F'], ['赛默飞', 'Spectra 300']],
    parameters: ['点分辨率 0.19 nm', '加速电压 80–200 kV', '配备 STEM 与 EDS'],
    uses: ['晶体结构分析', '纳米材料表征', '界面原子像观察'], topics: ['advancedMetals', 'graphene', 'semiconductor'],
  },
  {
    name: '高分辨质谱仪', abbr: 'HRMS', valueWan: [350, 900], booking: 'sample',
    makers: [['赛默飞', 'Orbitrap Exploris 480'], ['赛默飞', 'Q Exactive HF'], ['布鲁克', 'timsTOF Pro 2'], ['沃特世', 'Xevo G2-XS QTof']],
    parameters: ['分辨率 ≥ 240,000 FWHM', '质量精度 < 1 ppm', '质量范围 m/z 40–6000'],
    uses: ['蛋白质组学分析', '代谢组学分析', '未知物结构鉴定', '药物杂质鉴定'], topics: ['biomedicine', 'chineseMedicine', 'agriFood'],
  },
  {
    name: '激光共聚焦显微镜', abbr: 'CLSM', valueWan: [200, 600], booking: 'slot',
    makers: [['徕卡', 'TCS SP8'], ['蔡司', 'LSM 980'], ['尼康', 'A1R HD25'], ['奥林巴斯', 'FV3000']],
    parameters: ['激光线 405/488/561/640 nm', '扫描速度 8 fps@512×512', '配备活细胞培养系统'],
    uses: ['细胞成像', '荧光共定位分析', '组织三维重构'], topics: ['biomedicine', 'medicalDevice'],
  },
  {
    name: 'X射线衍射仪', abbr: 'XRD', valueWan: [120, 380], booking: 'sample',
    makers: [['布鲁克', 'D8 Advance'], ['理学', 'SmartLab'], ['帕纳科', 'Empyrean']],
    parameters: ['测角仪半径 ≥ 240 mm', '2θ 范围 -110°–168°', '配备高温附件'],
    uses: ['物相定性定量分析', '晶粒尺寸与残余应力测定', '薄膜织构分析'], topics: ['advancedMetals', 'rareEarth', 'newEnergy', 'graphene'],
  },
  {
    name: '核磁共振波谱仪', abbr: 'NMR', valueWan: [400, 1500], booking: 'sample',
    makers: [['布鲁克', 'AVANCE NEO 600'], ['布鲁克', 'AVANCE III HD 400'], ['日本电子', 'JNM-ECZ500R']],
    parameters: ['磁场强度 14.1 T（600 MHz）', '配备超低温探头', '支持固体魔角旋转'],
    uses: ['有机化合物结构解析', '药物成分分析', '高分子表征'], topics: ['biomedicine', 'petrochemical', 'chineseMedicine'],
  },
  {
    name: '电感耦合等离子体质谱仪', abbr: 'ICP-MS', valueWan: [150, 320], booking: 'sample',
    makers: [['安捷伦', '7900'], ['赛默飞', 'iCAP RQ'], ['珀金埃尔默', 'NexION 2000']],
    parameters: ['检出限 ppt 级', '质量范围 2–260 amu', '配备碰撞反应池'],
    uses: ['痕量元素分析', '稀土元素配分测定', '食品重金属检测'], topics: ['rareEarth', 'agriFood', 'greenLowCarbon'],
  },
  {
    name: '气相色谱-质谱联用仪', abbr: 'GC-MS', valueWan: [60, 180], booking: 'sample',
    makers: [['安捷伦', '8890-5977B'], ['岛津', 'GCMS-QP2020 NX'], ['赛默飞', 'ISQ 7610']],
    parameters: ['质量范围 m/z 1.5–1090', '配备顶空与热脱附进样器'],
    uses: ['挥发性有机物分析', '农药残留检测', '石化产品组分分析'], topics: ['petrochemical', 'agriFood', 'greenLowCarbon'],
  },
  {
    name: '液相色谱-串联质谱仪', abbr: 'LC-MS/MS', valueWan: [180, 450], booking: 'sample',
    makers: [['SCIEX', 'Triple Quad 6500+'], ['沃特世', 'Xevo TQ-XS'], ['安捷伦', '6495C']],
    parameters: ['灵敏度 fg 级', '正负离子快速切换 5 ms'],
    uses: ['药代动力学研究', '兽药残留检测', '生物标志物定量'], topics: ['biomedicine', 'agriFood', 'chineseMedicine'],
  },
  {
    name: '流式细胞仪', abbr: 'FCM', valueWan: [90, 450], booking: 'slot',
    makers: [['BD', 'FACSCanto II'], ['贝克曼库尔特', 'CytoFLEX S'], ['BD', 'FACSAria III']],
    parameters: ['3 激光 10 色', '分选速度 ≥ 25,000 events/s'],
    uses: ['免疫细胞表型分析', '细胞周期与凋亡检测', 'CAR-T 细胞质控'], topics: ['biomedicine', 'medicalDevice'],
  },
  {
    name: 'X射线光电子能谱仪', abbr: 'XPS', valueWan: [450, 900], booking: 'sample',
    makers: [['赛默飞', 'ESCALAB Xi+'], ['岛津', 'AXIS SUPRA+'], ['ULVAC-PHI', 'PHI 5000 VersaProbe III']],
    parameters: ['能量分辨率 ≤ 0.45 eV', '配备 Ar 团簇离子枪深度剖析'],
    uses: ['表面元素化学态分析', '薄膜深度剖析', '催化剂表面分析'], topics: ['graphene', 'newEnergy', 'petrochemical', 'semiconductor'],
  },
  {
    name: '原子力显微镜', abbr: 'AFM', valueWan: [100, 350], booking: 'slot',
    makers: [['布鲁克', 'Dimension Icon'], ['牛津仪器', 'Cypher ES'], ['Park', 'NX10']],
    parameters: ['Z 向噪声 < 30 pm', '扫描范围 90 μm × 90 μm'],
    uses: ['表面粗糙度测量', '纳米力学性能测试', '二维材料层数表征'], topics: ['graphene', 'semiconductor', 'photonics'],
  },
  {
    name: '傅里叶变换红外光谱仪', abbr: 'FTIR', valueWan: [30, 120], booking: 'sample',
    makers: [['赛默飞', 'Nicolet iS50'], ['布鲁克', 'INVENIO R'], ['岛津', 'IRTracer-100']],
    parameters: ['光谱范围 7800–350 cm⁻¹', '分辨率 0.09 cm⁻¹'],
    uses: ['高分子材料鉴别', '官能团分析', '失效分析'], topics: ['petrochemical', 'advancedMetals', 'graphene'],
  },
  {
    name: '激光显微拉曼光谱仪', abbr: 'Raman', valueWan: [80, 260], booking: 'sample',
    makers: [['HORIBA', 'LabRAM HR Evolution'], ['雷尼绍', 'inVia Qontor'], ['WITec', 'alpha300 R']],
    parameters: ['激发波长 532/633/785 nm', '空间分辨率 < 1 μm'],
    uses: ['石墨烯层数与缺陷表征', '晶体应力分析', '矿物鉴定'], topics: ['graphene', 'semiconductor', 'photonics'],
  },
  {
    name: '工业CT检测系统', abbr: 'CT', valueWan: [300, 1200], booking: 'sample',
    makers: [['依科视朗', 'FF35 CT'], ['蔡司', 'METROTOM 1500'], ['日联科技', 'CT-450']],
    parameters: ['最高电压 450 kV', '空间分辨率 ≤ 5 μm', '最大工件 Φ800 mm × 1000 mm'],
    uses: ['铸件内部缺陷检测', '电池内部结构无损检测', '复杂零件尺寸测量'], topics: ['automotive', 'aerospace', 'heavyEquipment', 'newEnergy'],
  },
  {
    name: '三坐标测量机', abbr: 'CMM', valueWan: [80, 400], booking: 'sample',
    makers: [['海克斯康', 'Global S 9.15.8'], ['蔡司', 'PRISMO ultra'], ['三丰', 'CRYSTA-Apex V']],
    parameters: ['示值误差 MPE_E ≤ 1.5+L/350 μm', '测量范围 900 × 1500 × 800 mm'],
    uses: ['汽车零部件尺寸检测', '模具检测', '逆向工程'], topics: ['automotive', 'heavyEquipment', 'robotics', 'aerospace'],
  },
  {
    name: '电磁兼容测试系统', abbr: 'EMC', valueWan: [500, 2500], booking: 'slot',
    makers: [['罗德与施瓦茨', 'ESW44'], ['是德科技', 'N9048B PXE'], ['3C Test', 'EMS61000']],
    parameters: ['10 m 法电波暗室', '频率范围 9 kHz–40 GHz'],
    uses: ['汽车电子 EMC 测试', '医疗器械电磁兼容检测', '工业设备 CE 认证预测试'], topics: ['automotive', 'medicalDevice', 'industrialInternet', 'semiconductor'],
  },
  {
    name: '高低温湿热试验箱', abbr: 'THC', valueWan: [15, 90], booking: 'slot',
    makers: [['爱斯佩克', 'PL-3KPH'], ['伟思富奇', 'WKL 1000'], ['苏试试验', 'SEH-1000']],
    parameters: ['温度范围 -70 ℃–+180 ℃', '湿度范围 10%–98% RH', '内容积 1000 L'],
    uses: ['电子产品环境适应性试验', '寒地材料低温性能测试', '电池高低温循环'], topics: ['iceSnow', 'automotive', 'newEnergy', 'semiconductor'],
  },
  {
    name: '整车低温环境舱', abbr: '', valueWan: [1500, 6000], booking: 'slot',
    makers: [['AVL', 'Climatic Chamber'], ['霍立克', 'ECC-40'], ['中汽研', 'CATARC-LT']],
    parameters: ['温度范围 -45 ℃–+60 ℃', '配备四驱转鼓', '日照模拟 1200 W/m²'],
    uses: ['冬季汽车冷启动测试', '动力电池低温续航测试', '寒地测试'], topics: ['iceSnow', 'automotive', 'newEnergy'],
  },
  {
    name: '电液伺服疲劳试验机', abbr: '', valueWan: [60, 350], booking: 'sample',
    makers: [['MTS', 'Landmark 370'], ['英斯特朗', '8801'], ['长春机械科学研究院', 'PLD-250']],
    parameters: ['最大动态载荷 ±250 kN', '频率 0.01–100 Hz'],
    uses: ['材料疲劳寿命测试', '零部件耐久试验', '焊接接头疲劳评定'], topics: ['advancedMetals', 'automotive', 'heavyEquipment', 'aerospace'],
  },
  {
    name: '热重-差示扫描量热同步分析仪', abbr: 'TG-DSC', valueWan: [40, 150], booking: 'sample',
    makers: [['耐驰', 'STA 449 F5'], ['梅特勒-托利多', 'TGA/DSC 3+'], ['TA仪器', 'SDT 650']],
    parameters: ['温度范围 RT–1600 ℃', '天平分辨率 0.1 μg'],
    uses: ['材料热稳定性分析', '相变温度测定', '电池材料热分析'], topics: ['newEnergy', 'petrochemical', 'advancedMetals', 'graphene'],
  },
  {
    name: '比表面积及孔径分析仪', abbr: 'BET', valueWan: [30, 120], booking: 'sample',
    makers: [['麦克默瑞提克', 'ASAP 2460'], ['康塔', 'Autosorb iQ'], ['精微高博', 'JW-BK200C']],
    parameters: ['比表面积 ≥ 0.0005 m²/g', '孔径范围 0.35–500 nm'],
    uses: ['催化剂孔结构分析', '电池材料比表面测定', '吸附材料表征'], topics: ['petrochemical', 'newEnergy', 'graphene'],
  },
  {
    name: '激光粒度分析仪', abbr: '', valueWan: [25, 80], booking: 'sample',
    makers: [['马尔文帕纳科', 'Mastersizer 3000'], ['新帕泰克', 'HELOS'], ['丹东百特', 'Bettersize 2600']],
    parameters: ['测量范围 0.01–3500 μm', '湿法/干法双模式'],
    uses: ['粉体粒度分布测定', '稀土抛光粉质控', '药物颗粒表征'], topics: ['rareEarth', 'biomedicine', 'newEnergy', 'graphene'],
  },
  {
    name: '超高效液相色谱仪', abbr: 'UPLC', valueWan: [40, 120], booking: 'sample',
    makers: [['沃特世', 'ACQUITY UPLC H-Class'], ['安捷伦', '1290 Infinity II'], ['岛津', 'Nexera X3']],
    parameters: ['耐压 18,000 psi', '配备 PDA 与荧光检测器'],
    uses: ['中药指纹图谱', '药物含量测定', '食品添加剂检测'], topics: ['chineseMedicine', 'biomedicine', 'agriFood'],
  },
  {
    name: '高通量基因测序仪', abbr: 'NGS', valueWan: [300, 1200], booking: 'sample',
    makers: [['Illumina', 'NovaSeq 6000'], ['华大智造', 'DNBSEQ-T7'], ['华大智造', 'MGISEQ-2000']],
    parameters: ['单次通量 ≥ 6 Tb', 'PE150 读长'],
    uses: ['全基因组重测序', '转录组测序', '作物分子育种'], topics: ['biomedicine', 'agriFood', 'medicalDevice'],
  },
  {
    name: '实时荧光定量PCR仪', abbr: 'qPCR', valueWan: [20, 80], booking: 'slot',
    makers: [['伯乐', 'CFX96 Touch'], ['罗氏', 'LightCycler 480 II'], ['赛默飞', 'QuantStudio 5']],
    parameters: ['96 孔', '5 色荧光通道', '温控精度 ±0.1 ℃'],
    uses: ['基因表达分析', '病原微生物检测', '转基因成分检测'], topics: ['biomedicine', 'agriFood', 'medicalDevice'],
  },
  {
    name: '聚焦离子束双束电镜', abbr: 'FIB-SEM', valueWan: [900, 2200], booking: 'slot',
    makers: [['赛默飞', 'Helios 5 UX'], ['蔡司', 'Crossbeam 550'], ['泰思肯', 'AMBER X']],
    parameters: ['离子束分辨率 2.5 nm', '电子束分辨率 0.6 nm'],
    uses: ['芯片失效分析', 'TEM 样品制备', '三维重构'], topics: ['semiconductor', 'advancedMetals'],
  },
  {
    name: '冷冻电子显微镜', abbr: 'Cryo-EM', valueWan: [3000, 6500], booking: 'slot',
    makers: [['赛默飞', 'Titan Krios G4'], ['赛默飞', 'Glacios 2']],
    parameters: ['加速电压 300 kV', '配备直接电子探测器'],
    uses: ['蛋白质结构解析', '病毒颗粒结构研究'], topics: ['biomedicine'],
  },
  {
    name: '金属3D打印机', abbr: 'SLM', valueWan: [300, 1500], booking: 'sample',
    makers: [['铂力特', 'BLT-S310'], ['EOS', 'M 290'], ['华曙高科', 'FS273M']],
    parameters: ['成形尺寸 250 × 250 × 400 mm', '激光功率 500 W', '支持钛合金、高温合金'],
    uses: ['航空零件快速制造', '随形冷却模具', '医疗植入物打印'], topics: ['aerospace', 'advancedMetals', 'medicalDevice', 'heavyEquipment'],
  },
  {
    name: '五轴联动加工中心', abbr: 'CNC', valueWan: [200, 900], booking: 'sample',
    makers: [['德马吉森精机', 'DMU 65 monoBLOCK'], ['科德数控', 'KMC800U'], ['沈阳机床', 'GMC 1230u']],
    parameters: ['定位精度 0.005 mm', '主轴转速 20,000 r/min'],
    uses: ['复杂曲面加工', '叶轮叶片加工', '精密模具加工'], topics: ['robotics', 'aerospace', 'heavyEquipment'],
  },
  {
    name: '电子探针显微分析仪', abbr: 'EPMA', valueWan: [600, 1100], booking: 'sample',
    makers: [['日本电子', 'JXA-8530F Plus'], ['岛津', 'EPMA-1720H']],
    parameters: ['5 道波谱仪', '元素范围 Be–U'],
    uses: ['稀土矿物微区成分分析', '合金偏析分析', '地质样品定量分析'], topics: ['rareEarth', 'advancedMetals'],
  },
  {
    name: '振动试验系统', abbr: '', valueWan: [60, 300], booking: 'slot',
    makers: [['苏试试验', 'DC-6000'], ['东菱振动', 'ES-30'], ['LDS', 'V8-440']],
    parameters: ['额定推力 60 kN', '频率范围 2–2500 Hz'],
    uses: ['汽车零部件振动耐久试验', '电子产品运输振动试验', '航空机载设备振动试验'], topics: ['automotive', 'aerospace', 'newEnergy'],
  },
  {
    name: '低速风洞', abbr: '', valueWan: [800, 5000], booking: 'slot',
    makers: [['自主研制', 'FD-09'], ['中航工业', 'FL-12']],
    parameters: ['试验段 3 m × 2.5 m', '最大风速 100 m/s'],
    uses: ['无人机气动测试', '建筑风荷载试验', '冰雪运动器材风阻测试'], topics: ['aerospace', 'lowAltitude', 'iceSnow'],
  },
];
