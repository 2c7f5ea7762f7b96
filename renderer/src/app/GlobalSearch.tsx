import { ApartmentOutlined, CalendarOutlined, DatabaseOutlined, FlagOutlined } from '@ant-design/icons';
import { Input, List, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../shared/domain/event';
import type { ResourceSummary } from '../../../shared/domain/resource-search';
import type { ScenarioSummary } from '../../../shared/domain/scenario';
import type { Zone } from '../../../shared/domain/zone';
import { Highlight } from '../ui/Highlight';
import { useDebounced } from '../ui/useDebounced';
import { useApp } from './AppContext';

export type GlobalHit = { kind: 'resource' | 'scenario' | 'event' | 'zone'; id: string };

/** Ctrl/Cmd+K: one box over every module that exists, keyboard only (↑ ↓ Enter Esc). */
export function GlobalSearch({ open, onOpenChange, onPick }: { open: boolean; onOpenChange(open: boolean): void; onPick(hit: GlobalHit): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [query, setQuery] = useState('');
  const [resources, setResources] = useState<ResourceSummary[]>([]);
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [events, setEvents] = useState<EventSummary[]>([]);
  const [zones, setZones] = useState<Zone[]>([]);
  const [terms, setTerms] = useState<string[]>([]);
  const [active, setActive] = useState(0);
  const debounced = useDebounced(query, 100);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        onOpenChange(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onOpenChange]);

  useEffect(() => {
    if (!open || !debounced.trim()) {
      setResources([]);
      setScenarios([]);
      setEvents([]);
      setZones([]);
      return;
    }
    let current = true;
    void Promise.all([
      api.call('resources.search', { query: debounced, limit: 8 }),
      api.call('scenarios.search', { query: debounced, sort: 'updated', limit: 5 }),
      api.call('events.list', { query: debounced, limit: 5 }),
      api.call('zones.list', { query: debounced }),
    ]).then(([r, s, e, z]) => {
      if (!current) return;
      setResources(r.items);
      setScenarios(s.items);
      setEvents(e.items);
      setTerms(r.highlight);
      setZones(z.slice(0, 5));
      setActive(0);
    });
    return () => {
      current = false;
    };
  }, [api, debounced, open]);

  const hits: Array<GlobalHit & { title: string; subtitle: string; group: string }> = [
    ...resources.map((r) => ({ kind: 'resource' as const, id: r.id, title: r.title, subtitle: `${r.ownerZoneName} · ${r.organisation}`, group: t('globalSearch.resources') })),
    ...scenarios.map((s) => ({ kind: 'scenario' as const, id: s.id, title: s.title, subtitle: `${s.ownerZoneName} · ${s.demandOrganisation}`, group: t('globalSearch.scenarios') })),
    ...events.map((e) => ({ kind: 'event' as const, id: e.id, title: e.title, subtitle: `${e.startAt.slice(0, 16).replace('T', ' ')} · ${e.ownerZoneName}`, group: t('globalSearch.events') })),
    ...zones.map((z) => ({ kind: 'zone' as const, id: z.id, title: z.shortName, subtitle: z.name, group: t('globalSearch.zones') })),
  ];

  function pick(index: number) {
    const hit = hits[index];
    if (!hit) return;
    onOpenChange(false);
    setQuery('');
    onPick({ kind: hit.kind, id: hit.id });
  }

  return (
    <Modal open={open} onCancel={() => onOpenChange(false)} footer={null} title={t('globalSearch.title')} destroyOnHidden width={640}>
      <Input
        autoFocus
        size="large"
        aria-label={t('globalSearch.title')}
        placeholder={t('globalSearch.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') pick(active);
          else return;
          // Consumed: the drawer a pick opens takes focus during this keydown, and an unconsumed
          // Enter would then reach its close button as a click (see ui/buttonLike.ts).
          e.preventDefault();
        }}
      />
      <List
        style={{ marginTop: 12, maxHeight: 420, overflow: 'auto' }}
        dataSource={hits}
        locale={{ emptyText: debounced ? t('globalSearch.none') : ' ' }}
        renderItem={(hit, index) => (
          <List.Item onClick={() => pick(index)} style={{ cursor: 'pointer', background: index === active ? '#e6f0ff' : undefined, paddingInline: 8 }} data-testid="global-hit">
            <List.Item.Meta
              avatar={hit.kind === 'resource' ? <DatabaseOutlined /> : hit.kind === 'scenario' ? <FlagOutlined /> : hit.kind === 'event' ? <CalendarOutlined /> : <ApartmentOutlined />}
              title={<Highlight text={hit.title} terms={terms} />}
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {hit.group} · {hit.subtitle}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
