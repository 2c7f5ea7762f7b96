import type Database from 'better-sqlite3';
import type { ScenarioKind, ScenarioStatus, ScoringCriterion } from '../../../shared/domain/scenario';
import type { OrganisationType } from '../../../shared/domain/scenario-application';
import { addDays, shanghaiToday } from '../../../shared/shanghai-date';
import type { Actor } from '../records';
import { createApplication, saveScores } from '../scenarios/application-service';
import { listScenarioCategories } from '../scenarios/scenario-category-service';
import { createScenario } from '../scenarios/scenario-service';
import { unindexText } from '../search/text-index';
import type { DemoContributor } from './demo-contributor';

interface DemoApplication {
  zone: string;
  organisation: string;
  type: OrganisationType;
  proposal: string;
  /** Reviewer → scores per criterion key. */
  scores?: Record<string, Record<string, number>>;
}

interface DemoScenario {
  zone: string;
  category: string;
  kind: ScenarioKind;
  /** Status once loaded; applications are entered while it is still open. */
  status: ScenarioStatus;
  /** Days from today (Asia/Shanghai); negative: already closed. */
  deadlineInDays: number;
  title: string;
  organisation: string;
  description: string;
  requirements: string;
  budget?: [number, number];
  rewardWan?: number;
  tags: string[];
  criteria?: ScoringCriterion[];
  applications?: DemoApplication[];
}

const CHALLENGE_CRITERIA: ScoringCriterion[] = [
  { key: 'c1', name: '技术方案先进性', weight: 40 },
  { key: 'c2', name: '团队与前期基础', weight: 30 },
  { key: 'c3', name: '实施计划与预算', weight: 30 },
];

/** Listings across the X categories, kinds and stages; deadlines relative to today so the demo never goes stale. */
const DEMO_SCENARIOS: DemoScenario[] = [
  {
    zone: 'BT', category: 'materials', kind: 'challenge', status: 'evaluating', deadlineInDays: 12,
    title: '高丰度稀土永磁电机关键技术攻关（示例）', organisation: '包头某稀土电机有限公司',
    description: '面向新能源汽车驱动电机，开发以镧铈等高丰度稀土部分替代镨钕的永磁材料及电机设计方案。',
    requirements: '磁体剩磁 ≥ 1.35 T，内禀矫顽力 ≥ 16 kOe；电机峰值效率 ≥ 96%；成本较现有方案降低 15% 以上。',
    rewardWan: 500, tags: ['稀土永磁', '钕铁硼', '电机'], criteria: CHALLENGE_CRITERIA,
    applications: [
      { zone: 'BT', organisation: '包头稀土研究院', type: 'institute', proposal: '晶界扩散 + 双主相工艺，已完成百公斤级验证。', scores: { 王专家: { c1: 92, c2: 90, c3: 85 }, 刘专家: { c1: 88, c2: 93, c3: 80 } } },
      { zone: 'HRB', organisation: '哈尔滨工业大学电气工程学院', type: 'university', proposal: '电机拓扑优化与低重稀土磁体协同设计。', scores: { 王专家: { c1: 90, c2: 85, c3: 78 }, 刘专家: { c1: 85, c2: 88, c3: 82 } } },
      { zone: 'SY', organisation: '沈阳某电驱动科技有限公司', type: 'enterprise', proposal: '基于现有产线的渐进替代方案。' },
    ],
  },
  {
    zone: 'HRB', category: 'low-altitude', kind: 'opportunity', status: 'published', deadlineInDays: 4,
    title: '松花江沿岸无人机巡检应用场景（示例）', organisation: '哈尔滨市某水务集团',
    description: '在松花江哈尔滨段开展堤防、排口无人机常态化巡检，征集整体解决方案。', requirements: '冬季 −30 ℃ 可作业；单架次续航 ≥ 60 分钟；AI 识别准确率 ≥ 90%。',
    budget: [80, 150], tags: ['无人机', '巡检', '寒地'],
  },
  {
    zone: 'CC', category: 'manufacturing', kind: 'opportunity', status: 'published', deadlineInDays: 30,
    title: '汽车焊装车间数字孪生应用场景（示例）', organisation: '长春某汽车零部件有限公司',
    description: '建设焊装车间数字孪生系统，实现设备状态实时映射与产线仿真优化。', requirements: '支持 200 台以上设备接入；与现有 MES 集成。',
    budget: [200, 400], tags: ['数字孪生', '焊装', '机器人'],
  },
  {
    zone: 'DQ', category: 'energy-carbon', kind: 'challenge', status: 'published', deadlineInDays: 45,
    title: '油田伴生气制氢与储能技术榜单（示例）', organisation: '大庆某能源科技有限公司',
    description: '利用油田伴生气开展制氢与储能一体化示范，面向全国张榜征集技术方案。', requirements: '制氢纯度 ≥ 99.99%；系统综合能效 ≥ 70%。',
    rewardWan: 300, tags: ['氢能', '储能'], criteria: CHALLENGE_CRITERIA,
  },
  {
    zone: 'TH', category: 'biomedicine', kind: 'opportunity', status: 'published', deadlineInDays: -6,
    title: '中药配方颗粒质量标准研究场景（示例）', organisation: '通化某药业股份有限公司',
    description: '开展 20 个品种配方颗粒的质量标准研究与检测方法开发。', requirements: '具备 CMA 资质；可开展 LC-MS 检测。',
    budget: [50, 120], tags: ['中药', '检测', 'LC-MS'],
  },
  {
    zone: 'JY', category: 'digital-ai', kind: 'capability', status: 'published', deadlineInDays: 120,
    title: '政务大模型私有化部署能力（示例）', organisation: '长春某人工智能科技有限公司',
    description: '提供政务大模型私有化部署、知识库构建与智能问答系统建设服务。', requirements: '',
    tags: ['人工智能', '大模型'],
  },
  {
    zone: 'HHHT', category: 'agri-food', kind: 'challenge', status: 'matched', deadlineInDays: -20,
    title: '乳品冷链全程温控追溯技术攻关（示例）', organisation: '呼和浩特某乳业股份有限公司',
    description: '攻克乳品冷链运输全程温度监测与区块链追溯关键技术。', requirements: '温度采样间隔 ≤ 1 分钟；追溯数据不可篡改。',
    rewardWan: 200, tags: ['冷链', '追溯', '乳业'], criteria: CHALLENGE_CRITERIA,
    applications: [{ zone: 'HHHT', organisation: '内蒙古某物联网科技有限公司', type: 'enterprise', proposal: 'NB-IoT 温度标签 + 联盟链追溯平台。', scores: { 赵专家: { c1: 86, c2: 80, c3: 88 } } }],
  },
  {
    zone: 'YJ', category: 'ice-snow', kind: 'opportunity', status: 'draft', deadlineInDays: 60,
    title: '长白山滑雪场智慧票务场景（示例）', organisation: '延边某文旅集团',
    description: '草稿示例：建设滑雪场智慧票务与客流监测系统。', requirements: '',
    budget: [30, 60], tags: ['滑雪', '智慧票务'],
  },
];

export const demoScenarios: DemoContributor = {
  entity: 'scenario',
  load(db: Database.Database, actor: Actor): number {
    const today = shanghaiToday();
    const categories = new Map(listScenarioCategories(db, true).map((c) => [c.code, c.id]));
    const zones = new Map(db.prepare<[], { code: string; id: string }>('SELECT code, id FROM zones WHERE deleted_at IS NULL').all().map((z) => [z.code, z.id]));
    const setState = db.prepare('UPDATE scenarios SET status = ?, deadline = ?, published_at = ?, matched_application_id = ?, matched_at = ? WHERE id = ?');
    for (const d of DEMO_SCENARIOS) {
      const deadline = addDays(today, d.deadlineInDays);
      const created = createScenario(
        db,
        actor,
        {
          categoryId: categories.get(d.category)!,
          kind: d.kind,
          ownerZoneId: zones.get(d.zone)!,
          title: d.title,
          demandOrganisation: d.organisation,
          description: d.description,
          requirements: d.requirements,
          expectedOutcome: '',
          budgetMinWan: d.budget?.[0] ?? null,
          budgetMaxWan: d.budget?.[1] ?? null,
          rewardWan: d.rewardWan ?? null,
          periodStart: '',
          periodEnd: '',
          deadline: addDays(today, Math.max(d.deadlineInDays, 1)),
          contactPerson: '示例联系人',
          contactPhone: '',
          contactEmail: '',
          tags: d.tags,
          criteria: d.criteria ?? [],
        },
        { isDemo: true },
      );
      // Open it so the applications go through the real rules, then put it where the demo wants it.
      if (d.status !== 'draft') setState.run('published', created.deadline, created.createdAt, null, null, created.id);
      const applicationIds: string[] = [];
      for (const a of d.applications ?? []) {
        const application = createApplication(
          db,
          actor,
          { scenarioId: created.id, applicantZoneId: zones.get(a.zone)!, organisation: a.organisation, organisationType: a.type, proposalSummary: a.proposal, team: '', priorResults: '', contactPerson: '示例联系人', contactPhone: '', contactEmail: '' },
          { isDemo: true, today },
        );
        applicationIds.push(application.id);
        for (const [reviewer, scores] of Object.entries(a.scores ?? {})) saveScores(db, actor, { applicationId: application.id, reviewer, scores });
      }
      if (d.status === 'matched' && applicationIds[0]) db.prepare("UPDATE scenario_applications SET status = 'selected' WHERE id = ?").run(applicationIds[0]);
      const matched = d.status === 'matched' && applicationIds[0] ? applicationIds[0] : null;
      if (d.status !== 'draft') setState.run(d.status, deadline, created.createdAt, matched, matched ? created.createdAt : null, created.id);
    }
    return DEMO_SCENARIOS.length;
  },
  remove(db: Database.Database): number {
    const demo = db.prepare<[], { seq: number; id: string }>('SELECT seq, id FROM scenarios WHERE is_demo = 1').all();
    for (const { seq, id } of demo) {
      const applications = db.prepare<[string], string>('SELECT id FROM scenario_applications WHERE scenario_id = ?').pluck().all(id);
      for (const applicationId of applications) {
        db.prepare('DELETE FROM application_scores WHERE application_id = ?').run(applicationId);
        db.prepare("DELETE FROM attachments WHERE record_kind = 'application' AND record_id = ?").run(applicationId);
      }
      db.prepare('DELETE FROM scenario_applications WHERE scenario_id = ?').run(id);
      db.prepare("DELETE FROM attachments WHERE record_kind = 'scenario' AND record_id = ?").run(id);
      unindexText(db, 'scenario', seq);
      db.prepare('DELETE FROM scenarios WHERE seq = ?').run(seq);
    }
    // Real applications a user entered on demo listings went with them; demo applications on real listings go too.
    const stray = db.prepare<[], string>('SELECT id FROM scenario_applications WHERE is_demo = 1').pluck().all();
    for (const applicationId of stray) {
      db.prepare('DELETE FROM application_scores WHERE application_id = ?').run(applicationId);
      db.prepare('DELETE FROM scenario_applications WHERE id = ?').run(applicationId);
    }
    return demo.length;
  },
};
