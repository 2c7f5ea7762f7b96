import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, AutoComplete, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtInHolidays, MAX_HOLIDAY_ENTRIES, type HolidayEntry } from '../../../../shared/domain/holidays';
import { addDays, shanghaiToday } from '../../../../shared/shanghai-date';
import { ApiError } from '../../api/client';
import { useApp, useInstallation } from '../../app/AppContext';
import { decodeText, mergeRows, parseHolidayFile, type HolidayRow } from './holiday-file';

/** The years the built-in notices cover (a notice's 元旦 may start in December of the year before). */
const BUILT_IN_YEARS = (() => {
  const years = builtInHolidays()
    .filter((e) => e.kind === 'holiday' && e.name === '春节')
    .map((e) => Number(e.date.slice(0, 4)));
  return { from: Math.min(...years), to: Math.max(...years) };
})();

/** Holiday names as the notices write them (suggestions only: any name is accepted). */
const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'].map((value) => ({ value }));
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DAYS_AT_ONCE = 31;

interface Row extends HolidayRow {
  key: number;
}
type RowErrors = Record<number, Partial<Record<'date' | 'kind' | 'name' | '_', string>>>;

interface AddValues {
  start: Dayjs;
  end?: Dayjs | null;
  kind: HolidayEntry['kind'];
  name: string;
}

let nextKey = 1;
const withKeys = (rows: readonly HolidayRow[]): Row[] => rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, key: nextKey++ }));
const plain = (rows: readonly HolidayRow[]): HolidayRow[] => rows.map(({ date, kind, name }) => ({ date, kind, name }));

/**
 * 节假日安排: the built-in State Council notices, and the secretariat's own entries laid over
 * them (a coming year's notice, a correction). The secretariat edits the table, adds a period
 * of days or imports a CSV/JSON file, then saves the whole list; the core validates it and
 * names the rows it refuses (第 3 条…), saving nothing. Members read the list.
 */
export function HolidaySettingsCard() {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { role } = useInstallation();
  const { message } = AntApp.useApp();
  const editable = role === 'secretariat';
  const [saved, setSaved] = useState<HolidayRow[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<RowErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    const today = shanghaiToday();
    try {
      const { extra } = await api.call('holidays.list', { from: today, to: today });
      setSaved(extra);
      setRows(withKeys(extra));
      setErrors({});
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  }, [api, message]);
  useEffect(() => void load(), [load]);

  const dirty = JSON.stringify(plain(rows)) !== JSON.stringify(plain(saved));
  const weekday = useMemo(() => new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }), [i18n.language]);
  /** The weekday of a real date (2027-02-30 has none: Date would roll it over to March). */
  const weekdayOf = (date: string) => {
    const day = new Date(`${date}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date ? weekday.format(day) : '';
  };

  /** Years the calendar has nothing for yet: this year or next, beyond the built-in data and not entered. */
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const missingYears = [thisYear, thisYear + 1].filter((y) => y > BUILT_IN_YEARS.to && !saved.some((e) => e.date.startsWith(`${y}-`)));

  function replaceRows(next: Row[]) {
    setRows(next);
    setErrors({});
    setFailure(null);
  }

  function editRow(index: number, change: Partial<HolidayRow>) {
    setRows((current) => current.map((r, i) => (i === index ? { ...r, ...change } : r)));
    setErrors((current) => {
      const { [index]: _dropped, ...rest } = current;
      return rest;
    });
  }

  async function save() {
    setBusy(true);
    setFailure(null);
    try {
      const entries = await api.call('holidays.save', { entries: plain(rows) });
      message.success(t('holidaySettings.saved', { count: entries.length }));
      await load();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      setFailure(text);
      message.error(text);
      if (error instanceof ApiError) setErrors(rowErrors(error.fields));
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: File) {
    if (file.size > MAX_FILE_BYTES) {
      message.error(t('holidaySettings.fileTooLarge', { name: file.name }));
      return;
    }
    const result = parseHolidayFile(file.name, decodeText(await file.arrayBuffer()));
    if (!result.ok) {
      message.error(t(result.reason === 'json' ? 'holidaySettings.fileJson' : 'holidaySettings.fileEmpty', { name: file.name }));
      return;
    }
    replaceRows(mergeRows(rows, withKeys(result.rows)));
    message.info(t('holidaySettings.imported', { name: file.name, count: result.rows.length }));
  }

  function addRows(days: HolidayRow[]) {
    replaceRows(mergeRows(rows, withKeys(days)));
    setAdding(false);
    message.info(t('holidaySettings.added', { count: days.length }));
  }

  const fieldError = (index: number, field: 'date' | 'kind' | 'name') => errors[index]?.[field];
  const errorText = (text: string | undefined) =>
    text ? (
      <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
        {text}
      </Typography.Text>
    ) : null;
  const kindTag = (kind: string) =>
    kind === 'holiday' ? <Tag color="red">{t('holidaySettings.kinds.holiday')}</Tag> : kind === 'workday' ? <Tag color="blue">{t('holidaySettings.kinds.workday')}</Tag> : <Tag>{kind}</Tag>;

  const columns: ColumnsType<Row> = [
    { title: t('holidaySettings.index'), key: 'index', width: 56, render: (_, __, i) => i + 1 },
    {
      title: t('holidaySettings.date'),
      dataIndex: 'date',
      width: 150,
      render: (date: string, _, i) =>
        editable ? (
          <>
            <Input size="small" value={date} maxLength={10} placeholder="YYYY-MM-DD" status={fieldError(i, 'date') ? 'error' : ''} aria-label={t('holidaySettings.rowDate', { n: i + 1 })} onChange={(e) => editRow(i, { date: e.target.value.trim() })} />
            {errorText(fieldError(i, 'date') ?? errors[i]?._)}
          </>
        ) : (
          date
        ),
    },
    { title: t('holidaySettings.weekday'), key: 'weekday', width: 64, render: (_, r) => weekdayOf(r.date) },
    {
      title: t('holidaySettings.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: string, _, i) =>
        editable ? (
          <>
            <Select
              size="small"
              style={{ width: 110 }}
              value={kind}
              status={fieldError(i, 'kind') ? 'error' : ''}
              aria-label={t('holidaySettings.rowKind', { n: i + 1 })}
              options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`holidaySettings.kinds.${k}`) }))}
              onChange={(v: string) => editRow(i, { kind: v })}
            />
            {errorText(fieldError(i, 'kind'))}
          </>
        ) : (
          kindTag(kind)
        ),
    },
    {
      title: t('holidaySettings.name'),
      dataIndex: 'name',
      render: (name: string, _, i) =>
        editable ? (
          <>
            <AutoComplete size="small" style={{ width: 150 }} value={name} options={HOLIDAY_NAMES} status={fieldError(i, 'name') ? 'error' : ''} aria-label={t('holidaySettings.rowName', { n: i + 1 })} onChange={(v: string) => editRow(i, { name: v })} />
            {errorText(fieldError(i, 'name'))}
          </>
        ) : (
          name
        ),
    },
  ];
  if (editable) {
    columns.push({
      title: '',
      key: 'remove',
      width: 48,
      render: (_, __, i) => <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('holidaySettings.remove', { n: i + 1 })} onClick={() => replaceRows(rows.filter((_r, j) => j !== i))} />,
    });
  }

  return (
    <Card title={t('holidaySettings.title')} data-testid="holiday-settings">
      <Typography.Paragraph type="secondary">{t('holidaySettings.intro')}</Typography.Paragraph>
      <Space wrap size={[16, 4]} style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="holiday-built-in">{t('holidaySettings.builtIn', BUILT_IN_YEARS)}</Typography.Text>
        <Typography.Text data-testid="holiday-own-count">{t('holidaySettings.own', { count: saved.length })}</Typography.Text>
      </Space>
      {missingYears.length > 0 ? (
        <Alert
          style={{ marginBottom: 12 }}
          type={missingYears.includes(thisYear) ? 'warning' : 'info'}
          showIcon
          title={t(editable ? 'holidaySettings.missing' : 'holidaySettings.missingMember', { years: missingYears.join('、') })}
        />
      ) : null}
      {editable ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('holidaySettings.add')}
          </Button>
          <Upload accept=".csv,.json,.txt,text/csv,application/json" showUploadList={false} beforeUpload={(f) => (void importFile(f), false)}>
            <Button icon={<UploadOutlined />}>{t('holidaySettings.import')}</Button>
          </Upload>
          {/* no `loading`: its icon's leave motion can linger and rename the button ("loading 保存") */}
          <Button type="primary" disabled={!dirty || busy} onClick={() => void save()}>
            {t('holidaySettings.save')}
          </Button>
          {dirty ? (
            <>
              <Button onClick={() => replaceRows(withKeys(saved))}>{t('holidaySettings.discard')}</Button>
              <Tag color="orange">{t('holidaySettings.unsaved')}</Tag>
            </>
          ) : null}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">{t('holidaySettings.readOnly')}</Typography.Paragraph>
      )}
      {failure ? <Alert style={{ marginBottom: 12 }} type="error" showIcon title={failure} data-testid="holiday-failure" /> : null}
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={rows.length > 15 ? { y: 480 } : undefined}
        dataSource={rows}
        columns={columns}
        locale={{ emptyText: t('holidaySettings.empty') }}
      />
      {editable ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('holidaySettings.importHelp', { max: MAX_HOLIDAY_ENTRIES })}
        </Typography.Paragraph>
      ) : null}
      {adding ? <AddDatesDialog onAdd={addRows} onCancel={() => setAdding(false)} /> : null}
    </Card>
  );
}

/** Adds a period of days (one row each) of one kind and name; mounted per opening, so it starts empty. */
function AddDatesDialog({ onAdd, onCancel }: { onAdd(days: HolidayRow[]): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddValues>();

  function add(values: AddValues) {
    const start = values.start.format('YYYY-MM-DD');
    const end = values.end ? values.end.format('YYYY-MM-DD') : start;
    const days: HolidayRow[] = [];
    for (let day = start; day <= end; day = addDays(day, 1)) days.push({ date: day, kind: values.kind, name: values.name.trim() });
    onAdd(days);
  }

  return (
    <Modal
      open
      title={t('holidaySettings.add')}
      onCancel={onCancel}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'holiday-add-form' }}
    >
      <Form<AddValues> id="holiday-add-form" form={form} layout="vertical" initialValues={{ kind: 'holiday', name: '' }} onFinish={add}>
        <Space size="large" align="start">
          <Form.Item name="start" label={t('holidaySettings.start')} rules={[{ required: true, message: `${t('holidaySettings.start')}：${t('configList.required')}` }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="end"
            label={t('holidaySettings.end')}
            extra={t('holidaySettings.endHelp')}
            dependencies={['start']}
            rules={[
              ({ getFieldValue }) => ({
                validator(_, end: Dayjs | null | undefined) {
                  const start = getFieldValue('start') as Dayjs | undefined;
                  if (!end || !start) return Promise.resolve();
                  if (end.isBefore(start, 'day')) return Promise.reject(new Error(t('holidaySettings.endBeforeStart')));
                  if (end.diff(start, 'day') >= MAX_DAYS_AT_ONCE) return Promise.reject(new Error(t('holidaySettings.tooManyDays', { max: MAX_DAYS_AT_ONCE })));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="kind" label={t('holidaySettings.kind')}>
          <Radio.Group
            options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`holidaySettings.kinds.${k}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item name="name" label={t('holidaySettings.name')} extra={t('holidaySettings.nameHelp')} rules={[{ required: true, whitespace: true, message: `${t('holidaySettings.name')}：${t('configList.required')}` }]}>
          <AutoComplete options={HOLIDAY_NAMES} maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The core's field paths (`2.date`, `2` for a whole row) → errors by row index. */
function rowErrors(fields: Record<string, string>): RowErrors {
  const out: RowErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const [row, field] = path.split('.');
    const index = Number(row);
    if (!Number.isInteger(index)) continue;
    const key = field === 'date' || field === 'kind' || field === 'name' ? field : '_';
    (out[index] ??= {})[key] ??= message;
  }
  return out;
}
