import { CopyOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Input, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../shared/domain/plan';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { TargetsEditor, targetsToValues, valuesToTargets, type TargetKey, type TargetValues } from './TargetsEditor';
import { usePlanLookups } from './usePlanLookups';
import { WorkItemsTable } from './WorkItemsTable';
import { currentYear, YearPicker } from './YearPicker';
import './plan.css';

/**
 * 年度计划: the year's targets (overall, by quarter, by zone, by event type) and notes, set by
 * the secretariat and saved as one set; key work items; copying the plan to the next year.
 * Members read the plan and report on the work items their zone leads.
 */
export function PlanPage({ initialYear, focusWorkItemId }: { initialYear?: number | undefined; focusWorkItemId?: string | null | undefined }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const installation = useInstallation();
  const { message, modal } = AntApp.useApp();
  const lookups = usePlanLookups(api);
  const isSecretariat = installation.role === 'secretariat';
  const [year, setYear] = useState(initialYear ?? currentYear());
  const [plan, setPlan] = useState<Plan | null>(null);
  const [values, setValues] = useState<TargetValues>({});
  const [notes, setNotes] = useState('');
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const apply = useCallback((next: Plan) => {
    setPlan(next);
    setValues(targetsToValues(next.targets));
    setNotes(next.notes);
    setDirty(false);
  }, []);

  const load = useCallback(async () => {
    try {
      setError(null);
      apply(await api.call('plans.get', { year }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api, year, apply]);
  useEffect(() => {
    setPlan(null);
    void load();
  }, [load]);
  useEffect(() => {
    if (initialYear) setYear(initialYear);
  }, [initialYear]);

  /** Work items are saved one by one: re-read them without dropping unsaved target edits. */
  const reloadWorkItems = useCallback(async () => {
    const next = await api.call('plans.get', { year });
    setPlan((current) => (current ? { ...current, workItems: next.workItems } : next));
  }, [api, year]);

  function change(key: TargetKey, value: number | null) {
    setValues((v) => ({ ...v, [key]: value }));
    setDirty(true);
  }

  async function save() {
    setSaving(true);
    try {
      apply(await api.call('plans.saveTargets', { year, targets: valuesToTargets(values), notes }));
      message.success(t('plan.saved', { year }));
    } catch (e) {
      showFailure(e, message.error);
    } finally {
      setSaving(false);
    }
  }

  async function copyToNext() {
    try {
      const next = await api.call('plans.copy', { fromYear: year, toYear: year + 1 });
      message.success(t('plan.copied', { from: year, to: year + 1, count: next.workItems.length }));
      setYear(year + 1);
    } catch (e) {
      showFailure(e, message.error);
    }
  }

  return (
    <div className="plan-page" data-testid="plan-page">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('plan.title')}
            </Typography.Title>
            <YearPicker
              value={year}
              onChange={(y) => {
                if (!dirty) return setYear(y);
                modal.confirm({ title: t('plan.discardChanges'), okText: t('plan.discard'), cancelText: t('common.cancel'), onOk: () => setYear(y) });
              }}
            />
            {plan && !plan.exists ? <Tag>{t('plan.notYet')}</Tag> : null}
            {plan?.updatedAt ? <Typography.Text type="secondary">{t('plan.updatedAt', { time: plan.updatedAt.slice(0, 16).replace('T', ' ') })}</Typography.Text> : null}
            {dirty ? <Tag color="orange">{t('plan.unsaved')}</Tag> : null}
          </Space>
          {isSecretariat ? (
            <Space wrap>
              <Popconfirm title={t('plan.copyConfirm', { from: year, to: year + 1 })} okText={t('plan.copy')} cancelText={t('common.cancel')} onConfirm={() => void copyToNext()} disabled={!plan?.exists}>
                <Button icon={<CopyOutlined />} disabled={!plan?.exists || dirty}>
                  {t('plan.copy')}
                </Button>
              </Popconfirm>
              <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!plan} onClick={() => void save()}>
                {t('plan.save')}
              </Button>
            </Space>
          ) : null}
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {!plan ? (
        error ? null : <Skeleton active />
      ) : (
        <>
          {!isSecretariat ? <Alert type="info" showIcon title={t('plan.memberHint')} style={{ marginBottom: 16 }} /> : null}
          <Card size="small" title={t('plan.targets.title')} extra={<Typography.Text type="secondary">{t('plan.targets.hint')}</Typography.Text>}>
            <TargetsEditor values={values} onChange={change} readOnly={!isSecretariat} lookups={lookups} />
            <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
              {t('plan.notes')}
            </Typography.Text>
            {isSecretariat ? (
              <Input.TextArea
                aria-label={t('plan.notes')}
                value={notes}
                maxLength={2000}
                showCount
                autoSize={{ minRows: 2, maxRows: 6 }}
                placeholder={t('plan.notesPlaceholder')}
                onChange={(e) => {
                  setNotes(e.target.value);
                  setDirty(true);
                }}
              />
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{notes || '—'}</Typography.Paragraph>
            )}
          </Card>
          <WorkItemsTable year={year} items={plan.workItems} lookups={lookups} focusId={focusWorkItemId ?? null} onSaved={() => void reloadWorkItems()} />
        </>
      )}
    </div>
  );
}
