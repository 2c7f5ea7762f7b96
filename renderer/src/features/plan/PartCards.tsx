import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { METRIC_INFO, PLAN_PARTS, type MetricProgress, type PlanProgress } from '../../../../shared/domain/plan';
import { completionPercent, formatNumber } from './format';
import type { FigureQuery } from './MetricRecordsDrawer';

/** The figure as a button: a click opens the records it counts. */
export function FigureButton({ value, onClick, testId, large }: { value: number; onClick(): void; testId?: string; large?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <button type="button" className={large ? 'plan-figure plan-figure-large' : 'plan-figure'} onClick={onClick} data-testid={testId}>
      {formatNumber(value, i18n.language)}
    </button>
  );
}

/** Three cards, 1 / X / N: each metric's figure against its target, with a progress bar. */
export function PartCards({ progress, typeName, onFigure }: { progress: PlanProgress; typeName(id: string): string; onFigure(query: FigureQuery): void }) {
  const { t } = useTranslation();
  return (
    <div className="plan-parts">
      {PLAN_PARTS.map((part) => (
        <Card key={part} size="small" title={t(`plan.part.${part}`)} data-testid={`part-${part}`}>
          {progress.metrics
            .filter((m) => METRIC_INFO[m.metric].part === part)
            .map((m) => (
              <MetricFigure key={m.metric} metric={m} year={progress.year} typeName={typeName} onFigure={onFigure} />
            ))}
        </Card>
      ))}
    </div>
  );
}

function MetricFigure({ metric: m, year, typeName, onFigure }: { metric: MetricProgress; year: number; typeName(id: string): string; onFigure(query: FigureQuery): void }) {
  const { t, i18n } = useTranslation();
  const percent = completionPercent(m.total.actual, m.total.target);
  const unit = t(`plan.unit.${m.metric}`);
  const types = Object.entries(m.byType).sort(([, a], [, b]) => b.actual - a.actual);
  return (
    <div className="plan-metric" data-testid={`metric-${m.metric}`}>
      <div className="plan-metric-head">
        <Typography.Text>
          {t(`plan.metric.${m.metric}`)}{' '}
          <Tooltip title={t(`plan.rule.${m.metric}`)}>
            <InfoCircleOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
          </Tooltip>
        </Typography.Text>
        <Typography.Text type="secondary" data-testid={`completion-${m.metric}`}>
          {percent === null ? t('dashboard.noTarget') : t('dashboard.completion', { percent })}
        </Typography.Text>
      </div>
      <div className="plan-metric-figures">
        <FigureButton value={m.total.actual} onClick={() => onFigure({ year, metric: m.metric })} testId={`figure-${m.metric}`} />
        <span className="plan-metric-target" data-testid={`target-${m.metric}`}>
          {m.total.target === null ? unit : `/ ${formatNumber(m.total.target, i18n.language)} ${unit}`}
        </span>
      </div>
      <Progress percent={Math.min(100, percent ?? 0)} showInfo={false} size="small" strokeColor={percent !== null && percent >= 100 ? '#389e0d' : '#1f5fbf'} railColor="#eef1f6" />
      {types.length > 0 ? (
        <div className="plan-metric-types">
          {types.map(([typeId, f]) => (
            <Tag key={typeId} className="plan-type-tag" onClick={() => onFigure({ year, metric: m.metric, typeId })} data-testid="type-figure">
              {typeName(typeId)} {f.actual}
              {f.target !== null ? ` / ${f.target}` : ''}
            </Tag>
          ))}
        </div>
      ) : null}
    </div>
  );
}
