import { Select, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioCategory } from '../../../../shared/domain/scenario';
import { useApp } from '../../app/AppContext';
import { ConfigurableListCard, type ListSource } from './ConfigurableListCard';

type Own = { keywords: string[] };

/**
 * 场景类别 (the X): the secretariat adds, renames, orders and deactivates categories and edits
 * each one's 领域关键词 — the words that make a resource count as "同属…领域" in matching.
 */
export function ScenarioCategoriesCard() {
  const { t } = useTranslation();
  const { api } = useApp();
  const source = useMemo<ListSource<ScenarioCategory, Own>>(
    () => ({
      list: () => api.call('scenarioCategories.list', { includeInactive: true }),
      save: (input) => api.call('scenarioCategories.save', { ...input, keywords: input.keywords ?? [] }),
      own: (c) => ({ keywords: c.keywords }),
      blank: { keywords: [] },
    }),
    [api],
  );
  return (
    <ConfigurableListCard<ScenarioCategory, Own>
      testId="scenario-categories"
      formId="scenario-category-form"
      codeMaxLength={32}
      maxSortOrder={100_000}
      source={source}
      texts={{
        title: t('scenarioCategories.title'),
        intro: t('scenarioCategories.intro'),
        add: t('scenarioCategories.add'),
        saved: t('scenarioCategories.saved'),
        name: t('scenarioCategories.name'),
        code: t('scenarioCategories.code'),
        codeHelp: t('scenarioCategories.codeHelp'),
      }}
      fields={[
        {
          name: 'keywords',
          label: t('scenarioCategories.keywords'),
          help: t('scenarioCategories.keywordsHelp'),
          cell: (c) =>
            c.keywords.length === 0 ? (
              <Typography.Text type="warning">{t('scenarioCategories.noKeywords')}</Typography.Text>
            ) : (
              <span>
                {c.keywords.map((w) => (
                  <Tag key={w} style={{ marginBottom: 2 }}>
                    {w}
                  </Tag>
                ))}
              </span>
            ),
          input: <Select mode="tags" open={false} maxCount={30} tokenSeparators={[',', '，', '、', ' ']} aria-label={t('scenarioCategories.keywords')} />,
        },
      ]}
    />
  );
}
