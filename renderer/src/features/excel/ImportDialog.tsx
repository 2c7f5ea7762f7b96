import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Progress, Radio, Result, Space, Spin, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SHEET_MAX_BYTES,
  SHEET_RECORD_TYPE_LABELS,
  type ImportMode,
  type PreviewRow,
  type SheetCommitResult,
  type SheetPreview,
  type SheetRecordType,
  type SheetScope,
} from '../../../../shared/domain/spreadsheet';
import { useApp } from '../../app/AppContext';
import { downloadBase64 } from '../../ui/download';
import { showFailure } from '../../ui/errors';
import { readBase64 } from './readFile';
import { newTaskId, useImportProgress } from './useImportProgress';

const MAX_MB = SHEET_MAX_BYTES / 1024 / 1024;

interface PickedFile {
  fileName: string;
  dataBase64: string;
}

/** One line of the error table: a row's problem in one column. */
interface ErrorLine {
  key: string;
  row: number;
  column: string;
  message: string;
  text: string;
}

function errorLines(rows: readonly PreviewRow[]): ErrorLine[] {
  return rows.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.row}-${i}`, row: r.row, column: e.column, message: e.message, text: e.text })));
}

type Busy = 'reading' | 'committing' | 'errorWorkbook' | null;

/**
 * 从 Excel 导入: choose a .xlsx or .csv → the core checks every row and says what it would do
 * (新增 / 更新 / 无变化 / 有错误), which columns it does not know or misses, and each error → the
 * user chooses how to import and confirms → the core writes exactly the rows it previewed
 * (the preview's token pins the file) → a summary. Nothing is written before 确认导入.
 */
export function ImportDialog({ recordType, scope, onClose, onImported }: { recordType: SheetRecordType; scope?: SheetScope | undefined; onClose(): void; onImported(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [result, setResult] = useState<SheetCommitResult | null>(null);
  const [mode, setMode] = useState<ImportMode>('validOnly');
  const [busy, setBusy] = useState<Busy>(null);
  const [busyName, setBusyName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const progress = useImportProgress(taskId);

  const step = result ? 2 : preview ? 1 : 0;

  async function pick(picked: File) {
    setError(null);
    if (picked.size > SHEET_MAX_BYTES) {
      const text = t('excel.tooLarge', { name: picked.name, max: MAX_MB });
      setError(text);
      message.error(text);
      return;
    }
    setBusy('reading');
    setBusyName(picked.name);
    setPreview(null);
    setFile(null);
    try {
      const next = { fileName: picked.name, dataBase64: await readBase64(picked) };
      const id = newTaskId();
      setTaskId(id);
      const checked = await api.call('excel.preview', { recordType, scope, ...next, taskId: id });
      setFile(next);
      setPreview(checked);
      setMode('validOnly');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      showFailure(e, message.error);
    } finally {
      setBusy(null);
      setTaskId(null);
    }
  }

  async function downloadErrors() {
    if (!file) return;
    setBusy('errorWorkbook');
    try {
      downloadBase64(await api.call('excel.errorWorkbook', { recordType, scope, ...file }));
    } catch (e) {
      showFailure(e, message.error);
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!file || !preview) return;
    setBusy('committing');
    try {
      const id = newTaskId();
      setTaskId(id);
      const done = await api.call('excel.commit', { recordType, scope, ...file, mode, token: preview.token, taskId: id });
      setResult(done);
      onImported();
    } catch (e) {
      showFailure(e, message.error);
    } finally {
      setBusy(null);
      setTaskId(null);
    }
  }

  function restart() {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  }

  const counts = preview?.counts;
  const importable = counts ? counts.add + counts.update : 0;
  const blocked = !counts || importable === 0 || (mode === 'allOrNothing' && counts.error > 0);
  const lines = preview ? errorLines(preview.rows) : [];

  // Own keys per step: React must not reuse 确认导入's element (and its spinner) for 完成.
  const footer =
    step === 2 ? (
      <Space key="done">
        <Button key="again" onClick={restart}>
          {t('excel.again')}
        </Button>
        <Button key="close" type="primary" onClick={onClose}>
          {t('excel.close')}
        </Button>
      </Space>
    ) : (
      <Space key="check">
        {step === 1 && mode === 'allOrNothing' && counts && counts.error > 0 ? (
          <Typography.Text type="danger" data-testid="excel-blocked-reason">
            {t('excel.blockedAllOrNothing', { count: counts.error })}
          </Typography.Text>
        ) : null}
        <Button key="cancel" onClick={onClose} disabled={busy === 'committing'}>
          {t('common.cancel')}
        </Button>
        {step === 1 ? (
          <Button key="confirm" type="primary" disabled={blocked || busy !== null} loading={busy === 'committing'} onClick={() => void commit()} data-testid="excel-confirm">
            {t('excel.confirm')}
          </Button>
        ) : null}
      </Space>
    );

  return (
    <Modal open width={960} title={t('excel.title', { type: SHEET_RECORD_TYPE_LABELS[recordType] })} onCancel={onClose} maskClosable={false} footer={footer} destroyOnHidden>
      <Spin
        spinning={busy === 'reading' || busy === 'committing'}
        description={
          <div style={{ minWidth: 320 }} data-testid="excel-progress">
            <div>{progress && progress.total > 0 ? t(`excel.progress.${progress.phase}`, { done: progress.done, total: progress.total }) : busy === 'committing' ? t('excel.committing') : t('excel.reading', { name: busyName })}</div>
            {progress && progress.total > 0 ? <Progress percent={Math.floor((progress.done / progress.total) * 100)} size="small" /> : null}
          </div>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%', minHeight: 160 }} data-testid="excel-import">
          <Steps size="small" current={step} status={step === 2 ? 'finish' : 'process'} items={[{ title: t('excel.stepFile') }, { title: t('excel.stepPreview') }, { title: t('excel.stepDone') }]} />
          {step < 2 ? (
            <>
              {step === 0 ? (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t('excel.intro', { max: MAX_MB })}
                </Typography.Paragraph>
              ) : null}
              <Space wrap>
                <Upload
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  showUploadList={false}
                  maxCount={1}
                  beforeUpload={(f) => (void pick(f), false)}
                >
                  <Button icon={<UploadOutlined />} disabled={busy !== null} data-testid="excel-pick">
                    {file ? t('excel.another') : t('excel.pick')}
                  </Button>
                </Upload>
                {preview ? (
                  <Typography.Text type="secondary" data-testid="excel-file-info">
                    {t('excel.fileInfo', { name: preview.fileName, sheet: preview.sheetName, total: preview.counts.total, seconds: (preview.tookMs / 1000).toFixed(1) })}
                  </Typography.Text>
                ) : null}
              </Space>
              {error ? <Alert type="error" showIcon title={error} data-testid="excel-error" /> : null}
            </>
          ) : null}
          {step === 1 && preview && counts ? (
            <>
              <Space size={40} data-testid="excel-counts">
                <div data-testid="excel-count-add">
                  <Statistic title={t('excel.count.add')} value={counts.add} />
                </div>
                <div data-testid="excel-count-update">
                  <Statistic title={t('excel.count.update')} value={counts.update} />
                </div>
                <div data-testid="excel-count-unchanged">
                  <Statistic title={t('excel.count.unchanged')} value={counts.unchanged} />
                </div>
                <div data-testid="excel-count-error">
                  <Statistic title={t('excel.count.error')} value={counts.error} styles={counts.error > 0 ? { content: { color: '#cf1322' } } : undefined} />
                </div>
              </Space>
              {preview.columns.missing.length > 0 ? <Alert type="error" showIcon title={t('excel.missing', { columns: preview.columns.missing.join('、') })} data-testid="excel-missing" /> : null}
              {preview.columns.unknown.length > 0 ? <Alert type="warning" showIcon title={t('excel.unknown', { columns: preview.columns.unknown.join('、') })} data-testid="excel-unknown" /> : null}
              {preview.columns.ignored.length > 0 ? <Alert type="info" showIcon title={t('excel.ignoredColumns', { columns: preview.columns.ignored.join('、') })} /> : null}
              {lines.length > 0 ? (
                <>
                  <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                    <Typography.Text strong>{t('excel.errorsTitle')}</Typography.Text>
                    <Button icon={<DownloadOutlined />} loading={busy === 'errorWorkbook'} disabled={busy !== null && busy !== 'errorWorkbook'} onClick={() => void downloadErrors()}>
                      {t('excel.errorWorkbook')}
                    </Button>
                  </Space>
                  <ErrorTable lines={lines} />
                </>
              ) : (
                <Alert type="success" showIcon title={t('excel.noErrors')} />
              )}
              <Space wrap>
                <Typography.Text>{t('excel.mode')}：</Typography.Text>
                <Radio.Group
                  value={mode}
                  onChange={(e) => setMode(e.target.value as ImportMode)}
                  options={[
                    { value: 'validOnly', label: t('excel.validOnly') },
                    { value: 'allOrNothing', label: t('excel.allOrNothing') },
                  ]}
                />
                {importable === 0 ? <Typography.Text type="warning">{t('excel.nothingToImport')}</Typography.Text> : null}
              </Space>
            </>
          ) : null}
          {step === 2 && result ? (
            <>
              <Result
                status={result.added + result.updated > 0 ? 'success' : 'info'}
                title={result.added + result.updated > 0 ? t('excel.done') : t('excel.doneNothing')}
                subTitle={<span data-testid="excel-result">{t('excel.result', { added: result.added, updated: result.updated, unchanged: result.unchanged, skipped: result.skipped })}</span>}
              />
              {result.errors.length > 0 ? (
                <>
                  <Typography.Text strong>{t('excel.notImported')}</Typography.Text>
                  <ErrorTable lines={errorLines(result.errors)} />
                </>
              ) : null}
            </>
          ) : null}
        </Space>
      </Spin>
    </Modal>
  );
}

function ErrorTable({ lines }: { lines: ErrorLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<ErrorLine>
      size="small"
      rowKey="key"
      dataSource={lines}
      pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
      onRow={() => ({ 'data-testid': 'excel-error-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { dataIndex: 'row', title: t('excel.row'), width: 80 },
        { dataIndex: 'column', title: t('excel.column'), width: 160, render: (v: string) => v || '—' },
        { dataIndex: 'message', title: t('excel.message') },
      ]}
    />
  );
}
