import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { deadlineState, type ScenarioStatus } from '../../../../shared/domain/scenario';
import { SCENARIO_STATUS_COLORS } from './labels';

/** A listing's status; 征集中 turns grey once its deadline has passed (still published, no longer collecting). */
export function ScenarioStatusTag({ status, deadline, today, testId }: { status: ScenarioStatus; deadline: string; today: string; testId?: string }) {
  const { t } = useTranslation();
  const stale = status === 'published' && deadlineState(deadline, today) === 'closed';
  return (
    <Tag color={stale ? 'default' : SCENARIO_STATUS_COLORS[status]} style={{ flexShrink: 0 }} data-testid={testId}>
      {t(`scenarios.status.${status}`)}
    </Tag>
  );
}
