import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScoringCriterion } from '../../../../shared/domain/scenario';

const MAX_CRITERIA = 12;

/** The next free criterion key (c1, c2…): keys stay stable when a row is renamed or removed. */
function nextKey(rows: ReadonlyArray<Partial<ScoringCriterion> | undefined>): string {
  const used = rows.map((r) => Number(/^c(\d+)$/.exec(r?.key ?? '')?.[1] ?? 0));
  return `c${Math.max(0, ...used) + 1}`;
}

export function weightSum(rows: ReadonlyArray<Partial<ScoringCriterion> | undefined> | undefined): number {
  return (rows ?? []).reduce((sum, r) => sum + (typeof r?.weight === 'number' ? r.weight : 0), 0);
}

/**
 * 评分标准: rows of name + weight (%), with the running sum. Saving is refused here while the
 * weights do not add up to 100 (the core refuses the same).
 */
export function CriteriaEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rows = Form.useWatch<Array<Partial<ScoringCriterion> | undefined> | undefined>('criteria', form);
  const sum = weightSum(rows);
  const count = rows?.length ?? 0;

  return (
    <Form.List
      name="criteria"
      rules={[
        {
          validator: async (_, list: Array<Partial<ScoringCriterion>> | undefined) => {
            if (list && list.length > 0 && weightSum(list) !== 100) throw new Error(t('scenarios.criteria.notSaved', { sum: weightSum(list) }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        // The id lets the form scroll here when the weights stop a save (scrollToFirstError).
        <div id="criteria" style={{ gridColumn: 'span 2', marginBottom: 16, scrollMarginBottom: 24 }} data-testid="criteria-editor">
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('scenarios.criteria.none')}
            </Typography.Paragraph>
          ) : null}
          {fields.map((field, index) => (
            <div key={field.key} style={{ display: 'grid', gridTemplateColumns: '28px minmax(0, 1fr) 150px 32px', gap: 8, alignItems: 'start' }} data-testid="criterion-row">
              <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                {index + 1}.
              </Typography.Text>
              <Form.Item name={[field.name, 'key']} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('scenarios.criteria.nameRequired') }]} style={{ marginBottom: 8 }}>
                <Input aria-label={t('scenarios.criteria.name', { n: index + 1 })} placeholder={t('scenarios.criteria.namePlaceholder')} maxLength={30} />
              </Form.Item>
              <Form.Item name={[field.name, 'weight']} rules={[{ required: true, message: t('scenarios.criteria.weightRequired') }]} style={{ marginBottom: 8 }}>
                <InputNumber aria-label={t('scenarios.criteria.weight', { n: index + 1 })} min={1} max={100} precision={0} suffix="%" style={{ width: '100%' }} placeholder={t('scenarios.criteria.weightPlaceholder')} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('scenarios.criteria.remove', { n: index + 1 })} onClick={() => remove(field.name)} />
            </div>
          ))}
          <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
            <Button icon={<PlusOutlined />} disabled={count >= MAX_CRITERIA} onClick={() => add({ key: nextKey(form.getFieldValue('criteria') ?? []), name: '', weight: undefined })}>
              {t('scenarios.criteria.add')}
            </Button>
            {count > 0 ? (
              <span data-testid="criteria-sum">
                <Typography.Text strong type={sum === 100 ? 'success' : 'danger'}>
                  {t('scenarios.criteria.sum', { sum })}
                </Typography.Text>
                {sum !== 100 ? (
                  <Typography.Text type="danger" style={{ marginInlineStart: 8 }}>
                    {t('scenarios.criteria.mustBe100')}
                  </Typography.Text>
                ) : null}
              </span>
            ) : null}
          </div>
          {errors.map((error, i) => (
            <div key={i} role="alert" style={{ marginTop: 4 }}>
              <Typography.Text type="danger">{error}</Typography.Text>
            </div>
          ))}
        </div>
      )}
    </Form.List>
  );
}
