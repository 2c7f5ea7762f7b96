import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../app/AppContext';
import { useDebounced } from '../../ui/useDebounced';

interface Props {
  kind: 'scenario' | 'resource';
  value?: string[];
  onChange?(value: string[]): void;
  /** Titles already known (the event's linked records). */
  known: ReadonlyArray<{ id: string; title: string }>;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
}

/** Links listings or resources to an event: type to search (the one search engine, Chinese or pinyin), pick several. */
export function RecordPicker({ kind, value = [], onChange, known, placeholder, id, 'aria-label': ariaLabel }: Props) {
  const { api } = useApp();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [loading, setLoading] = useState(false);
  const titles = useRef(new Map<string, string>());
  const [, setTitlesVersion] = useState(0);
  const debounced = useDebounced(query, 200);

  for (const k of known) titles.current.set(k.id, k.title);

  // Titles of linked records we were given only as ids (e.g. a roadshow draft).
  useEffect(() => {
    const missing = value.filter((v) => !titles.current.has(v));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(
      missing.map((recordId) =>
        (kind === 'scenario' ? api.call('scenarios.get', { id: recordId }) : api.call('resources.get', { id: recordId })).then(
          (r) => titles.current.set(recordId, r.title),
          () => titles.current.set(recordId, recordId),
        ),
      ),
    ).then(() => live && setTitlesVersion((n) => n + 1));
    return () => {
      live = false;
    };
  }, [api, kind, value]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const search = kind === 'scenario' ? api.call('scenarios.search', { query: debounced, limit: 20, sort: 'updated' }) : api.call('resources.search', { query: debounced, limit: 20 });
    search.then(
      (result) => {
        if (!live) return;
        for (const item of result.items) titles.current.set(item.id, item.title);
        setOptions(result.items.map((item) => ({ value: item.id, label: item.title })));
        setLoading(false);
      },
      () => live && setLoading(false),
    );
    return () => {
      live = false;
    };
  }, [api, kind, debounced]);

  const shown = [...value.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: titles.current.get(v) ?? v })), ...options];

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      mode="multiple"
      allowClear
      value={value}
      onChange={(next: string[]) => onChange?.(next)}
      placeholder={placeholder}
      options={shown}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      maxCount={50}
    />
  );
}
