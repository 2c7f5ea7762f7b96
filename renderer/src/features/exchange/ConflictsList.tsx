import { App as AntApp, Button, Card, Checkbox, Col, Empty, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeConflict } from '../../../../shared/domain/exchange';
import { useApp } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { useLookups } from '../resources/useLookups';
import { changedFields } from '../../../../shared/domain/exchange-diff';
import { fieldLabel, fieldValue, kindName, shownFields } from './labels';

const CHANGED = { background: '#fff7e6', boxShadow: 'inset 3px 0 0 #fa8c16' };

/**
 * 冲突: records changed on both sides. The version in use here and the other one kept by the
 * merge, side by side, the differing fields marked; the clerk keeps the one in use or takes the
 * other (exchange.resolve), which then travels so every installation settles the same way.
 */
export function ConflictsList({ conflicts, onChange }: { conflicts: readonly ExchangeConflict[]; onChange(conflicts: ExchangeConflict[]): void }) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exchange.conflicts.empty')} data-testid="exchange-conflicts" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="exchange-conflicts">
      <Typography.Text type="secondary">{t('exchange.conflicts.intro')}</Typography.Text>
      <Named conflicts={conflicts} onChange={onChange} />
    </Space>
  );
}

/** Mounted only when there are conflicts: the zones and categories to name ids with. */
function Named({ conflicts, onChange }: { conflicts: readonly ExchangeConflict[]; onChange(conflicts: ExchangeConflict[]): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const { zoneName, categoryName } = useLookups(api);
  const [busy, setBusy] = useState<string | null>(null);
  // Per conflict (by the other version's clock): the fields ticked to take from it.
  const [ticked, setTicked] = useState<Record<string, readonly string[]>>({});
  const names = { zone: zoneName, category: categoryName };
  const exists = (key: string) => i18n.exists(key);

  async function resolve(c: ExchangeConflict, keep: 'current' | 'other' | 'merge') {
    setBusy(c.otherHlc);
    const take = ticked[c.otherHlc] ?? [];
    try {
      onChange(await api.call('exchange.resolve', { kind: c.kind, recordId: c.recordId, hlc: c.otherHlc, keep, ...(keep === 'merge' ? { take: [...take] } : {}) }));
      const done = { current: 'exchange.conflicts.keptCurrent', other: 'exchange.conflicts.tookOther', merge: 'exchange.conflicts.merged' } as const;
      message.success(t(done[keep], { name: c.label, count: take.length }));
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {conflicts.map((c) => {
        const changed = changedFields(c.current, c.other);
        const fields = shownFields(c.current, c.other, changed);
        const picked = ticked[c.otherHlc] ?? [];
        const toggle = (f: string, on: boolean) => setTicked({ ...ticked, [c.otherHlc]: on ? [...picked, f] : picked.filter((p) => p !== f) });
        // Field by field only between two edits: a deletion is taken or kept whole.
        const mergeable = !c.otherDeleted && Object.keys(c.current).length > 0;
        const side = (title: string, row: Record<string, unknown>, testId: string, pick: boolean) => (
          <Col xs={24} md={12}>
            <div data-testid={testId} style={{ border: '1px solid #f0f0f0', borderRadius: 6, height: '100%' }}>
              <div style={{ padding: '6px 10px', borderBottom: '1px solid #f0f0f0', background: '#fafafa' }}>
                <Typography.Text strong>{title}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('exchange.conflicts.by', { by: String(row.updated_by ?? '—'), at: row.updated_at ? dayjs(String(row.updated_at)).format('YYYY-MM-DD HH:mm') : '—' })}
                </Typography.Text>
              </div>
              <dl style={{ margin: 0 }}>
                {fields.map((f) => (
                  <div key={f} style={{ display: 'flex', gap: 8, padding: '4px 10px', ...(changed.includes(f) ? CHANGED : {}) }} data-changed={changed.includes(f) || undefined}>
                    <dt style={{ flex: '0 0 88px', color: 'rgba(0,0,0,0.55)' }}>{fieldLabel(t, exists, c.kind, f)}</dt>
                    <dd style={{ margin: 0, flex: 1, minWidth: 0, overflowWrap: 'anywhere', fontWeight: changed.includes(f) ? 600 : undefined }}>{fieldValue(t, exists, c.kind, f, row[f], names)}</dd>
                    {pick && changed.includes(f) ? (
                      <Checkbox checked={picked.includes(f)} disabled={busy !== null} onChange={(e) => toggle(f, e.target.checked)} data-testid="exchange-conflict-take" data-field={f}>
                        {t('exchange.conflicts.takeField')}
                      </Checkbox>
                    ) : null}
                  </div>
                ))}
              </dl>
            </div>
          </Col>
        );
        const working = busy === c.otherHlc;
        return (
          <Card
            key={`${c.kind}-${c.recordId}-${c.otherHlc}`}
            size="small"
            data-testid="exchange-conflict"
            title={
              <Space size={6}>
                <Tag>{kindName(t, c.kind, c.noun)}</Tag>
                <span>{c.label}</span>
              </Space>
            }
            extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('exchange.conflicts.foundAt', { at: dayjs(c.foundAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>}
            actions={[
              <Button key="current" type="link" disabled={busy !== null} loading={working} onClick={() => void resolve(c, 'current')}>
                {t('exchange.conflicts.keepCurrent')}
              </Button>,
              <Popconfirm key="other" title={t('exchange.conflicts.takeOtherConfirm', { name: c.label })} onConfirm={() => resolve(c, 'other')} okText={t('common.yes')} cancelText={t('common.no')}>
                <Button type="link" disabled={busy !== null}>
                  {t('exchange.conflicts.takeOther')}
                </Button>
              </Popconfirm>,
              ...(mergeable
                ? [
                    <Button key="merge" type="link" title={t('exchange.conflicts.mergeHint')} disabled={busy !== null || picked.length === 0} onClick={() => void resolve(c, 'merge')} data-testid="exchange-conflict-merge">
                      {t('exchange.conflicts.merge', { count: picked.length })}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <Row gutter={[12, 12]}>
              {side(t('exchange.conflicts.current'), c.current, 'exchange-conflict-current', false)}
              {side(t('exchange.conflicts.other'), c.other, 'exchange-conflict-other', mergeable)}
            </Row>
          </Card>
        );
      })}
    </>
  );
}
