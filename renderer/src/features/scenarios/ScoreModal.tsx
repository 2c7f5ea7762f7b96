import { App as AntApp, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weightedScore, type ApplicationRanking, type RankedApplication } from '../../../../shared/domain/scenario-application';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { formatScore } from './labels';

const REVIEWER_KEY = 'alliance.lastReviewer';

function lastReviewer(): string {
  try {
    return window.localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

interface FormValues {
  reviewer: string;
  scores: Record<string, number | null>;
}

/**
 * One reviewer's scores for one application, 0–100 per criterion, with the weighted total as
 * it will count. The reviewer's name is remembered for the next application; saving again
 * under the same name replaces that reviewer's scores.
 */
export function ScoreModal({ ranking, application, onClose, onSaved }: { ranking: ApplicationRanking; application: RankedApplication; onClose(): void; onSaved(next: ApplicationRanking): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const scores = Form.useWatch('scores', form);
  const reviewer = Form.useWatch('reviewer', form);
  const total = weightedScore(ranking.criteria, scores ?? {});
  const previous = application.reviewers?.find((r) => r.reviewer === (reviewer ?? '').trim());

  const initialReviewer = lastReviewer();
  const initialScores = Object.fromEntries(ranking.criteria.map((c) => [c.key, application.reviewers?.find((r) => r.reviewer === initialReviewer)?.scores[c.key] ?? null]));

  async function submit(v: FormValues) {
    const name = v.reviewer.trim();
    const entered = Object.fromEntries(Object.entries(v.scores).filter((e): e is [string, number] => typeof e[1] === 'number'));
    setSaving(true);
    try {
      const next = await api.call('applications.score', { applicationId: application.id, reviewer: name, scores: entered });
      try {
        window.localStorage.setItem(REVIEWER_KEY, name);
      } catch {
        // Storage may be unavailable (private mode): the name is simply not remembered.
      }
      message.success(t('applications.scored', { organisation: application.organisation, reviewer: name }));
      onSaved(next);
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={520}
      title={t('applications.scoreTitle', { organisation: application.organisation })}
      onCancel={onClose}
      okText={t('applications.saveScores')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'score-form', loading: saving }}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<FormValues> id="score-form" form={form} layout="horizontal" labelCol={{ flex: '200px' }} labelWrap initialValues={{ reviewer: initialReviewer, scores: initialScores }} onFinish={(v) => void submit(v)}>
        <Form.Item name="reviewer" label={t('applications.reviewer')} rules={[{ required: true, whitespace: true, message: `${t('applications.reviewer')}：${t('scenarios.required')}` }]} extra={previous ? t('applications.replaces') : undefined}>
          <Input
            autoFocus={!initialReviewer}
            maxLength={30}
            placeholder={t('applications.reviewerPlaceholder')}
            onBlur={() => {
              // The secretariat sees earlier scores: re-scoring starts from them.
              const current = form.getFieldValue('scores') as FormValues['scores'] | undefined;
              if (previous && Object.values(current ?? {}).every((v) => v === null || v === undefined)) form.setFieldValue('scores', { ...previous.scores });
            }}
          />
        </Form.Item>
        {ranking.criteria.map((c, index) => (
          <Form.Item key={c.key} name={['scores', c.key]} label={t('applications.criterionLabel', { name: c.name, weight: c.weight })} rules={[{ required: true, message: t('applications.scoreRequired', { name: c.name }) }]}>
            <InputNumber autoFocus={Boolean(initialReviewer) && index === 0} aria-label={c.name} min={0} max={100} precision={2} style={{ width: 140 }} suffix={t('applications.points')} />
          </Form.Item>
        ))}
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
          <Typography.Text type="secondary">{t('applications.totalHint')}</Typography.Text>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="score-total">
            {t('applications.total')} {formatScore(total)}
          </Typography.Text>
        </div>
      </Form>
    </Modal>
  );
}
