import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceCategory } from '../../../../shared/domain/resource';
import { FIELD_SET_KEYS, type FieldSetKey } from '../../../../shared/domain/resource-fields';
import { useApp } from '../../app/AppContext';
import { ConfigurableListCard, type ListSource } from './ConfigurableListCard';

type Own = { fieldSet: FieldSetKey };

/**
 * 资源类别: the secretariat renames, orders, adds or deactivates resource categories. A
 * category's 专用字段模板 cannot change once it has resources (the core refuses, under the field).
 */
export function CategoriesCard() {
  const { t } = useTranslation();
  const { api } = useApp();
  const source = useMemo<ListSource<ResourceCategory, Own>>(
    () => ({
      list: () => api.call('categories.list', { includeInactive: true }),
      save: (input) => api.call('categories.save', input),
      own: (c) => ({ fieldSet: c.fieldSet }),
      blank: { fieldSet: 'service' },
    }),
    [api],
  );
  return (
    <ConfigurableListCard<ResourceCategory, Own>
      testId="resource-categories"
      formId="category-form"
      codeMaxLength={24}
      maxSortOrder={999}
      source={source}
      texts={{
        title: t('categories.title'),
        intro: t('categories.intro'),
        add: t('categories.add'),
        saved: t('categories.saved'),
        name: t('categories.name'),
        code: t('categories.code'),
        codeHelp: t('categories.codeHelp'),
      }}
      fields={[
        {
          name: 'fieldSet',
          label: t('categories.fieldSet'),
          help: t('categories.fieldSetHelp'),
          cell: (c) => t(`categories.fieldSets.${c.fieldSet}`),
          input: <Select options={FIELD_SET_KEYS.map((k) => ({ value: k, label: t(`categories.fieldSets.${k}`) }))} />,
        },
      ]}
    />
  );
}
