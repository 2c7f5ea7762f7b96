import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Modal, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showFailure } from '../../ui/errors';

/**
 * The renderer's one editor for a configurable list (the core's `categories/category-table.ts`):
 * resource categories, scenario categories, event types. Every entry has a code, a name, an
 * order and an active flag, plus a few fields of the list's own; the secretariat adds, renames,
 * reorders (↑↓) and deactivates entries. The core's refusals land under the field they concern.
 */

/** What every entry of a configurable list has. */
export interface ListEntry {
  id: string;
  version: number;
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
}

export interface BaseValues {
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
}

export type ListSaveInput<O> = BaseValues & O & { id?: string; version?: number };

/** Where a list lives: its two channels and how its own fields map to form values. */
export interface ListSource<E extends ListEntry, O extends object> {
  list(): Promise<E[]>;
  save(input: ListSaveInput<O>): Promise<unknown>;
  /** The entry's own fields, as the form edits them. */
  own(entry: E): O;
  /** The own fields of a new entry. */
  blank: O;
}

/** One field of the list's own: a table column (if `cell`) and a form item. */
export interface OwnField<E extends ListEntry> {
  name: string;
  label: string;
  help?: ReactNode;
  cell?: (entry: E) => ReactNode;
  width?: number;
  input: ReactNode;
  valuePropName?: string;
}

/** The texts that name this list (the common ones — order, active, move… — are shared). */
export interface ListTexts {
  title: string;
  intro?: ReactNode;
  add: string;
  saved: string;
  name: string;
  code: string;
  codeHelp: string;
}

interface Props<E extends ListEntry, O extends object> {
  testId: string;
  formId: string;
  texts: ListTexts;
  source: ListSource<E, O>;
  fields: OwnField<E>[];
  /** The core's limits, mirrored in the form. */
  codeMaxLength: number;
  maxSortOrder: number;
  nameWidth?: number;
  modalWidth?: number;
}

export function ConfigurableListCard<E extends ListEntry, O extends object>({ testId, formId, texts, source, fields, codeMaxLength, maxSortOrder, nameWidth = 150, modalWidth = 600 }: Props<E, O>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [entries, setEntries] = useState<E[]>([]);
  const [editing, setEditing] = useState<E | 'new' | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setEntries(await source.list());
    } catch (error) {
      showFailure(error, message.error);
    }
  }, [source, message]);
  useEffect(() => void load(), [load]);

  const valuesOf = (e: E): BaseValues & O => ({ code: e.code, name: e.name, sortOrder: e.sortOrder, active: e.active, ...source.own(e) });

  /** Saves one or more entries with a changed field (reorder, active switch), then reloads. */
  async function quickSave(changes: Array<[E, Partial<BaseValues>]>, done?: string) {
    setBusy(true);
    try {
      for (const [entry, change] of changes) await source.save({ ...valuesOf(entry), ...change, id: entry.id, version: entry.version });
      if (done) message.success(done);
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      await load(); // new versions before the buttons come back
      setBusy(false);
    }
  }

  /** Swaps an entry with its neighbour; equal orders are first spread apart so the swap shows. */
  function move(index: number, delta: -1 | 1) {
    const a = entries[index];
    const b = entries[index + delta];
    if (!a || !b) return;
    const [first, second] = delta < 0 ? [b, a] : [a, b];
    const lower = first.sortOrder;
    const upper = second.sortOrder > lower ? second.sortOrder : lower + 1;
    // After the swap `second` comes first: it takes the lower order, `first` the upper one.
    void quickSave([
      [second, { sortOrder: lower }],
      [first, { sortOrder: upper }],
    ]);
  }

  const columns: ColumnsType<E> = [
    {
      title: t('configList.order'),
      key: 'order',
      width: 76,
      render: (_, e, index) => (
        <Space size={0}>
          <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={busy || index === 0} aria-label={t('configList.moveUp', { name: e.name })} onClick={() => move(index, -1)} />
          <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={busy || index === entries.length - 1} aria-label={t('configList.moveDown', { name: e.name })} onClick={() => move(index, 1)} />
        </Space>
      ),
    },
    { title: texts.name, dataIndex: 'name', width: nameWidth, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: texts.code,
      dataIndex: 'code',
      render: (v: string) => (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap', fontFamily: 'ui-monospace, Consolas, monospace' }}>
          {v}
        </Typography.Text>
      ),
    },
    ...fields
      .filter((f) => f.cell)
      .map((f) => ({ title: f.label, key: f.name, ...(f.width ? { width: f.width } : {}), render: (_: unknown, e: E) => f.cell?.(e) })),
    {
      title: t('configList.active'),
      dataIndex: 'active',
      width: 70,
      render: (v: boolean, e) => (
        <Switch
          size="small"
          checked={v}
          disabled={busy}
          aria-label={t('configList.toggle', { name: e.name })}
          onChange={(on) => void quickSave([[e, { active: on }]], t(on ? 'configList.activated' : 'configList.deactivated', { name: e.name }))}
        />
      ),
    },
    { title: '', key: 'edit', width: 70, render: (_, e) => <Button type="link" size="small" onClick={() => setEditing(e)}>{t('common.edit')}</Button> },
  ];

  const nextOrder = Math.min((entries.at(-1)?.sortOrder ?? 0) + 10, maxSortOrder);
  return (
    <Card title={texts.title} extra={<Button onClick={() => setEditing('new')}>{texts.add}</Button>} data-testid={testId}>
      {texts.intro ? <Typography.Paragraph type="secondary">{texts.intro}</Typography.Paragraph> : null}
      <Table<E> rowKey="id" size="small" pagination={false} dataSource={entries} rowClassName={(e) => (e.active ? '' : 'zone-inactive')} columns={columns} />
      {editing !== null ? (
        <EntryDialog<E, O>
          key={editing === 'new' ? 'new' : editing.id}
          entry={editing === 'new' ? null : editing}
          initial={editing === 'new' ? { code: '', name: '', sortOrder: nextOrder, active: true, ...source.blank } : valuesOf(editing)}
          formId={formId}
          texts={texts}
          source={source}
          fields={fields}
          codeMaxLength={codeMaxLength}
          maxSortOrder={maxSortOrder}
          width={modalWidth}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void load();
          }}
        />
      ) : null}
    </Card>
  );
}

interface DialogProps<E extends ListEntry, O extends object> {
  entry: E | null;
  initial: BaseValues & O;
  formId: string;
  texts: ListTexts;
  source: ListSource<E, O>;
  fields: OwnField<E>[];
  codeMaxLength: number;
  maxSortOrder: number;
  width: number;
  onClose(saved: boolean): void;
}

/**
 * Adds or edits one entry. Mounted per entry (keyed), so each opening starts from that entry's
 * values — a form kept across openings could show the previous entry's fields.
 */
function EntryDialog<E extends ListEntry, O extends object>({ entry, initial, formId, texts, source, fields, codeMaxLength, maxSortOrder, width, onClose }: DialogProps<E, O>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<BaseValues & O>();
  const [saving, setSaving] = useState(false);
  const required = (label: string) => ({ required: true, whitespace: true, message: `${label}：${t('configList.required')}` });

  async function save(values: BaseValues & O) {
    setSaving(true);
    try {
      await source.save({ ...values, ...(entry ? { id: entry.id, version: entry.version } : {}) });
      message.success(texts.saved);
      onClose(true);
    } catch (error) {
      showFailure(error, message.error, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={width}
      title={entry ? t('configList.editTitle', { name: entry.name }) : texts.add}
      onCancel={() => onClose(false)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, disabled: saving }}
    >
      <Form<BaseValues & O> id={formId} form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        <Form.Item name="name" label={texts.name} rules={[required(texts.name)]}>
          <Input autoFocus maxLength={30} />
        </Form.Item>
        <Form.Item name="code" label={texts.code} extra={texts.codeHelp} rules={[required(texts.code)]}>
          <Input maxLength={codeMaxLength} />
        </Form.Item>
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} extra={f.help} {...(f.valuePropName ? { valuePropName: f.valuePropName } : {})}>
            {f.input}
          </Form.Item>
        ))}
        <Space size="large">
          <Form.Item name="sortOrder" label={t('configList.sortOrder')}>
            <InputNumber min={0} max={maxSortOrder} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={t('configList.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
