import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestTable } from './RequestTable';

export type RequestsTab = 'mine' | 'toMine';

/** 共享申请: what my zone asked for, and what others asked of my zone's resources. */
export function RequestsPage({ initialTab = 'mine' }: { initialTab?: RequestsTab }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<RequestsTab>(initialTab);
  return (
    <Card title={t('requests.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as RequestsTab)}
        destroyOnHidden
        items={[
          { key: 'mine', label: t('requests.tab.mine'), children: <RequestTable scope="mine" /> },
          { key: 'toMine', label: t('requests.tab.toMine'), children: <RequestTable scope="toMine" /> },
        ]}
      />
    </Card>
  );
}
