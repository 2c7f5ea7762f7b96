import { CheckOutlined } from '@ant-design/icons';
import { ColorPicker, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventType } from '../../../../shared/domain/event';
import { useApp } from '../../app/AppContext';
import { ConfigurableListCard, type ListSource } from './ConfigurableListCard';

type Own = { color: string };

/** The palette offered first (Ant Design's base colours, like the built-in types); any #rrggbb via the picker. */
export const EVENT_TYPE_PALETTE = [
  ['blue', '#1677ff'],
  ['geekblue', '#2f54eb'],
  ['purple', '#722ed1'],
  ['magenta', '#eb2f96'],
  ['red', '#f5222d'],
  ['volcano', '#fa541c'],
  ['orange', '#fa8c16'],
  ['gold', '#faad14'],
  ['green', '#52c41a'],
  ['cyan', '#13c2c2'],
] as const;

/** 活动类型: the types offered when planning an event, each with its calendar colour. */
export function EventTypesCard() {
  const { t } = useTranslation();
  const { api } = useApp();
  const source = useMemo<ListSource<EventType, Own>>(
    () => ({
      list: () => api.call('eventTypes.list', { includeInactive: true }),
      save: (input) => api.call('eventTypes.save', input),
      own: (e) => ({ color: e.color }),
      blank: { color: EVENT_TYPE_PALETTE[0][1] },
    }),
    [api],
  );
  return (
    <ConfigurableListCard<EventType, Own>
      testId="event-types"
      formId="event-type-form"
      codeMaxLength={32}
      maxSortOrder={100_000}
      source={source}
      texts={{
        title: t('eventTypes.title'),
        intro: t('eventTypes.intro'),
        add: t('eventTypes.add'),
        saved: t('eventTypes.saved'),
        name: t('eventTypes.name'),
        code: t('eventTypes.code'),
        codeHelp: t('eventTypes.codeHelp'),
      }}
      fields={[
        {
          name: 'color',
          label: t('eventTypes.color'),
          help: t('eventTypes.colorHelp'),
          width: 120,
          cell: (e) => <Swatch color={e.color} />,
          input: <ColorField />,
        },
      ]}
    />
  );
}

function Swatch({ color }: { color: string }) {
  return (
    <Space size={6}>
      <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: color, verticalAlign: 'middle' }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {color}
      </Typography.Text>
    </Space>
  );
}

/** A row of swatches (one click) and a picker for any other colour; the value is #rrggbb. */
function ColorField({ id, value, onChange }: { id?: string; value?: string; onChange?: (color: string) => void }) {
  const { t } = useTranslation();
  const current = value?.toLowerCase();
  return (
    <Space id={id} wrap size={6} role="radiogroup" aria-label={t('eventTypes.color')}>
      {EVENT_TYPE_PALETTE.map(([key, hex]) => (
        <button
          key={hex}
          type="button"
          role="radio"
          aria-checked={current === hex}
          aria-label={t(`eventTypes.colors.${key}`)}
          title={`${t(`eventTypes.colors.${key}`)} ${hex}`}
          onClick={() => onChange?.(hex)}
          style={{
            width: 26,
            height: 26,
            borderRadius: 4,
            background: hex,
            border: 'none',
            cursor: 'pointer',
            color: '#fff',
            outline: current === hex ? '2px solid rgba(0,0,0,0.65)' : 'none',
            outlineOffset: 2,
          }}
        >
          {current === hex ? <CheckOutlined /> : null}
        </button>
      ))}
      <ColorPicker value={value} disabledAlpha showText aria-label={t('eventTypes.customColor')} onChange={(c) => onChange?.(c.toHexString())} />
    </Space>
  );
}
