import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, Empty, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExcelMenu } from '../excel/ExcelMenu';
import type { ApplicationAction, ApplicationRanking, RankedApplication } from '../../../../shared/domain/scenario-application';
import type { ScenarioDetail } from '../../../../shared/domain/scenario';
import { useApp } from '../../app/AppContext';
import { AttachmentsPanel } from '../../ui/AttachmentsPanel';
import { showFailure } from '../../ui/errors';
import { ApplicationFormModal } from './ApplicationFormModal';
import { APPLICATION_STATUS_COLORS, formatScore } from './labels';
import { ScoreModal } from './ScoreModal';
import type { ScenarioLookups } from './useScenarioLookups';

const SCORABLE = new Set(['submitted', 'shortlisted', 'selected']);
const ACTIONS_WIDTH = 150;
const CRITERION_WIDTH = 92;
const ORGANISATION_MIN_WIDTH = 180;
/** Expand icon, rank, status, weighted score, actions. */
const FIXED_WIDTH = 48 + 60 + 96 + 92 + ACTIONS_WIDTH;

interface Props {
  scenario: ScenarioDetail;
  ranking: ApplicationRanking | null;
  lookups: ScenarioLookups;
  onRanking(next: ApplicationRanking): void;
  /** After a change that may move the listing itself (selecting → 已揭榜) or its counts. */
  onChanged(): void;
}

/**
 * 揭榜申报: the applications ranked by weighted score (Σ weight × mean of reviewers / 100),
 * the decisions the core allows on each, applying and scoring. Each reviewer's own scores
 * are shown to the secretariat only.
 */
export function ApplicationsTab({ scenario, ranking, lookups, onRanking, onChanged }: Props) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [applying, setApplying] = useState(false);
  const [scoring, setScoring] = useState<RankedApplication | null>(null);
  const [rejecting, setRejecting] = useState<RankedApplication | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const closedForScores = scenario.status === 'accepted' || scenario.status === 'cancelled';

  async function act(application: RankedApplication, action: ApplicationAction, comment?: string) {
    setBusy(true);
    try {
      await api.call('applications.transition', { id: application.id, version: application.version, action, ...(comment ? { comment } : {}) });
      message.success(t('applications.done', { action: t(`applications.action.${action}`), organisation: application.organisation }));
      setRejecting(null);
      setReason('');
      onChanged();
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setBusy(false);
    }
  }

  if (!ranking) return <Empty description={t('app.loading')} />;
  const criteria = ranking.criteria;

  const actionsOf = (a: RankedApplication) => {
    const buttons = a.allowedActions.map((action) => {
      if (action === 'select') {
        return (
          <Popconfirm key={action} title={t('applications.selectConfirm', { organisation: a.organisation })} description={t('applications.selectConfirmHint')} onConfirm={() => act(a, 'select')} okText={t('applications.action.select')} cancelText={t('common.back')}>
            <Button type="link" size="small" icon={<TrophyOutlined />}>
              {t('applications.action.select')}
            </Button>
          </Popconfirm>
        );
      }
      if (action === 'reject') {
        return (
          <Button key={action} type="link" size="small" danger onClick={() => setRejecting(a)}>
            {t('applications.action.reject')}
          </Button>
        );
      }
      if (action === 'withdraw') {
        return (
          <Popconfirm key={action} title={t('applications.withdrawConfirm', { organisation: a.organisation })} onConfirm={() => act(a, 'withdraw')} okText={t('applications.action.withdraw')} cancelText={t('common.back')}>
            <Button type="link" size="small" danger>
              {t('applications.action.withdraw')}
            </Button>
          </Popconfirm>
        );
      }
      return (
        <Button key={action} type="link" size="small" disabled={busy} onClick={() => void act(a, action)}>
          {t(`applications.action.${action}`)}
        </Button>
      );
    });
    if (ranking.mayScore && criteria.length > 0 && SCORABLE.has(a.status) && !closedForScores) {
      buttons.unshift(
        <Button key="score" type="link" size="small" onClick={() => setScoring(a)}>
          {t('applications.score')}
        </Button>,
      );
    }
    return buttons.length > 0 ? (
      <Space size={0} wrap>
        {buttons}
      </Space>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  };

  const columns: ColumnsType<RankedApplication> = [
    {
      title: t('applications.rank'),
      key: 'rank',
      width: 60,
      align: 'center',
      render: (_, a) => (a.rank === null ? <Typography.Text type="secondary">—</Typography.Text> : <Typography.Text strong data-testid="application-rank">{a.rank}</Typography.Text>),
    },
    {
      title: t('applications.organisationColumn'),
      key: 'organisation',
      render: (_, a) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong data-testid="application-organisation">
            {a.organisation}
          </Typography.Text>
          {a.id === scenario.matchedApplicationId ? (
            <Tag color="gold" icon={<TrophyOutlined />} style={{ marginInlineStart: 6 }}>
              {t('applications.winner')}
            </Tag>
          ) : null}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="application-zone">
              {t(`applications.orgType.${a.organisationType}`)} <span style={{ whiteSpace: 'nowrap' }}>· {a.applicantZoneName}</span>
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('applications.field.status'),
      key: 'status',
      width: 96,
      render: (_, a) => (
        <Tag color={APPLICATION_STATUS_COLORS[a.status]} data-testid="application-status" style={{ marginInlineEnd: 0 }}>
          {t(`applications.status.${a.status}`)}
        </Tag>
      ),
    },
    {
      title: t('applications.weighted'),
      key: 'weighted',
      width: 92,
      align: 'right',
      render: (_, a) => (
        <div>
          <Typography.Text strong={a.weightedScore !== null} type={a.weightedScore === null ? 'secondary' : undefined} data-testid="application-score">
            {formatScore(a.weightedScore)}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {t('applications.reviewerCount', { count: a.reviewerCount })}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    ...criteria.map((c) => ({
      title: (
        <span>
          {c.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400, whiteSpace: 'nowrap' }}>
            {c.weight}%
          </Typography.Text>
        </span>
      ),
      key: `c-${c.key}`,
      width: CRITERION_WIDTH,
      align: 'right' as const,
      render: (_: unknown, a: RankedApplication) => formatScore(a.criterionMeans[c.key]),
    })),
    { title: t('common.actions'), key: 'actions', width: ACTIONS_WIDTH, fixed: 'right', render: (_, a) => actionsOf(a) },
  ];
  // Fits the drawer as is; with many criteria the table scrolls sideways instead of squeezing names.
  const tableWidth = FIXED_WIDTH + criteria.length * CRITERION_WIDTH + ORGANISATION_MIN_WIDTH;

  return (
    <div data-testid="applications-tab">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">
          {criteria.length > 0
            ? t('applications.criteriaLine', { criteria: criteria.map((c) => `${c.name} ${c.weight}%`).join(' · ') })
            : t('applications.noCriteria')}
        </Typography.Text>
        <Space>
          {scenario.mayApply || scenario.mayEvaluate ? (
            <ExcelMenu size="small" list={{ recordType: 'application', scope: { scenarioId: scenario.id } }} importable={scenario.mayApply} onImported={onChanged} />
          ) : null}
          {scenario.mayApply ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="apply-button">
              {t('applications.apply')}
            </Button>
          ) : null}
        </Space>
      </div>
      {!ranking.showsReviewers && ranking.mayScore ? <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('applications.reviewersHidden')}</Typography.Paragraph> : null}
      <div data-testid="ranking-table">
      <Table<RankedApplication>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={ranking.applications}
        columns={columns}
        tableLayout="fixed"
        scroll={{ x: tableWidth }}
        locale={{ emptyText: scenario.mayApply ? t('applications.emptyOpen') : t('applications.empty') }}
        rowClassName={(a) => (a.status === 'withdrawn' || a.status === 'rejected' ? 'application-inactive' : '')}
        expandable={{ expandedRowRender: (a) => <ApplicationDetails application={a} ranking={ranking} onChanged={onChanged} /> }}
      />
      </div>
      {applying ? (
        <ApplicationFormModal
          scenario={scenario}
          lookups={lookups}
          onClose={() => setApplying(false)}
          onSaved={() => {
            setApplying(false);
            onChanged();
          }}
        />
      ) : null}
      {scoring ? (
        <ScoreModal
          ranking={ranking}
          application={scoring}
          onClose={() => setScoring(null)}
          onSaved={(next) => {
            setScoring(null);
            onRanking(next);
          }}
        />
      ) : null}
      <Modal
        open={rejecting !== null}
        title={rejecting ? t('applications.rejectTitle', { organisation: rejecting.organisation }) : ''}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && void act(rejecting, 'reject', reason.trim())}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        okText={t('applications.action.reject')}
        cancelText={t('common.back')}
        destroyOnHidden
      >
        <Input.TextArea autoFocus aria-label={t('applications.rejectReason')} rows={4} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('applications.rejectPlaceholder')} />
      </Modal>
    </div>
  );
}

/** The expanded row: what was proposed, the decision note, and — for the secretariat — every reviewer's scores. */
function ApplicationDetails({ application: a, ranking, onChanged }: { application: RankedApplication; ranking: ApplicationRanking; onChanged(): void }) {
  const { t } = useTranslation();
  const label = (key: string) => t(`applications.field.${key}`);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="application-details">
      <Descriptions size="small" column={2} bordered styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={label('proposalSummary')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.proposalSummary}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={label('team')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.team || '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={label('priorResults')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.priorResults || '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={label('contactPerson')}>{a.contactPerson}</Descriptions.Item>
        <Descriptions.Item label={label('contactPhone')}>{a.contactPhone || '—'}</Descriptions.Item>
        <Descriptions.Item label={label('contactEmail')}>{a.contactEmail || '—'}</Descriptions.Item>
        <Descriptions.Item label={label('submittedAt')}>{dayjs(a.submittedAt || a.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={label('decisionNote')} span={2}>
          {a.decisionNote || '—'}
        </Descriptions.Item>
      </Descriptions>
      <AttachmentsPanel recordKind="application" recordId={a.id} attachments={a.attachments} editable={a.filesEditable} onChanged={onChanged} />
      {ranking.showsReviewers ? (
        a.reviewers && a.reviewers.length > 0 ? (
          <Table
            rowKey="reviewer"
            size="small"
            pagination={false}
            className="reviewer-scores"
            title={() => <Typography.Text strong>{t('applications.reviewerScores')}</Typography.Text>}
            dataSource={a.reviewers}
            columns={[
              { title: t('applications.reviewer'), dataIndex: 'reviewer' },
              ...ranking.criteria.map((c) => ({ title: `${c.name} ${c.weight}%`, key: c.key, align: 'right' as const, render: (_: unknown, r: { scores: Record<string, number> }) => formatScore(r.scores[c.key]) })),
              { title: t('applications.weighted'), dataIndex: 'weighted', align: 'right' as const, render: (v: number) => <Typography.Text strong>{formatScore(v)}</Typography.Text> },
              { title: t('applications.scoredAt'), dataIndex: 'updatedAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('applications.noScores')}</Typography.Text>
        )
      ) : null}
    </Space>
  );
}
