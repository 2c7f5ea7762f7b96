import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deadlineState, type ScenarioStatus } from '../../../../shared/domain/scenario';
import { daysFromTo } from '../../../../shared/shanghai-date';

/**
 * A listing's deadline as it reads today (Asia/Shanghai): "还剩 N 天" in orange — red in the
 * last three days — while a published listing closes within 7 days, "已截止" in grey once
 * past. Listings no longer collecting (评审中, 已揭榜…) show the plain date.
 */
export function DeadlineText({ deadline, status, today, block }: { deadline: string; status: ScenarioStatus; today: string; block?: boolean }) {
  const { t } = useTranslation();
  const state = deadlineState(deadline, today);
  if (state === 'none') {
    return (
      <Typography.Text type="secondary" data-testid="deadline" data-state="none">
        {t('scenarios.deadline.none')}
      </Typography.Text>
    );
  }
  const days = daysFromTo(today, deadline);
  const date = t('scenarios.deadline.on', { date: deadline });
  const style = { display: block ? 'flex' : 'inline-flex', flexDirection: block ? ('column' as const) : ('row' as const), alignItems: block ? 'flex-end' : 'center', gap: block ? 2 : 6, whiteSpace: 'nowrap' as const };
  if (state === 'closed') {
    return (
      <span style={style} data-testid="deadline" data-state="closed">
        <Tag style={{ marginInlineEnd: 0 }}>{t('scenarios.deadline.closed')}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {date}
        </Typography.Text>
      </span>
    );
  }
  const collecting = status === 'published';
  const left = days === 0 ? t('scenarios.deadline.today') : t('scenarios.deadline.left', { count: days });
  return (
    <span style={style} data-testid="deadline" data-state={state}>
      {collecting && state === 'closingSoon' ? (
        <Tag color={days <= 2 ? 'red' : 'orange'} icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
          {left}
        </Tag>
      ) : collecting ? (
        <Typography.Text style={{ fontSize: 13 }}>{left}</Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {date}
      </Typography.Text>
    </span>
  );
}
