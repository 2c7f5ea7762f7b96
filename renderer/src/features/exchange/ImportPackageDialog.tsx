import { UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Popconfirm, Result, Space, Spin, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeResult } from '../../../../shared/domain/exchange';
import { ApiError } from '../../api/client';
import { useApp, useInstallation } from '../../app/AppContext';
import { showFailure } from '../../ui/errors';
import { readBase64 } from '../excel/readFile';
import { countsLine } from './labels';
import { KeyNotice, KindCounts, Refusals, ResultNotices } from './ResultParts';

/** The core takes packages of at most 64 MB (shared/domain/exchange.ts). */
export const PACKAGE_MAX_BYTES = 64 * 1024 * 1024;
export const PACKAGE_SUFFIX = '.alliance';

interface Failure {
  text: string;
  /** The core refused a package that would delete most of a kind's records (the secretariat may confirm). */
  massDelete: boolean;
  /** The sender signs with a key other than the one trusted here: its new fingerprint, to compare by phone. */
  newKey: string | null;
}

const FINGERPRINT = /[0-9A-F]{4}(?: [0-9A-F]{4}){7}/;

function failureOf(e: unknown): Failure {
  const api = e instanceof ApiError ? e : null;
  const changedKey = api?.fields.senderPublicKey;
  return { text: e instanceof Error ? e.message : String(e), massDelete: api?.code === 'CONFLICT', newKey: changedKey ? (FINGERPRINT.exec(changedKey)?.[0] ?? null) : null };
}

interface PickedFile {
  fileName: string;
  dataBase64: string;
}

/** Checks a picked file's name and size before reading it; the reason in Chinese, or null. */
export function packageFileProblem(t: TFunction, file: File): string | null {
  if (!file.name.toLowerCase().endsWith(PACKAGE_SUFFIX)) return t('exchange.file.wrongType', { name: file.name });
  if (file.size > PACKAGE_MAX_BYTES) return t('exchange.file.tooLarge', { name: file.name });
  return null;
}

/**
 * 导入交换包: the picked file is checked by the core (signature, sender, what each record would
 * do) and nothing is written; the clerk reads the counts, the refusals with their reasons and,
 * for a zone's first package, the key notice with the fingerprint to compare by phone; then
 * 确认导入 applies exactly that file. A package that would delete most of a kind's records is
 * refused by the core; the secretariat may confirm it.
 */
export function ImportPackageDialog({ initial, onClose, onImported }: { initial: File; onClose(): void; onImported(result: ExchangeResult): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { role } = useInstallation();
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [preview, setPreview] = useState<ExchangeResult | null>(null);
  const [result, setResult] = useState<ExchangeResult | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [applying, setApplying] = useState(false);

  async function pick(picked: File) {
    setError(null);
    setPreview(null);
    setResult(null);
    setFile(null);
    const problem = packageFileProblem(t, picked);
    if (problem) {
      setError({ text: problem, massDelete: false, newKey: null });
      return;
    }
    setReading(picked.name);
    try {
      const next = { fileName: picked.name, dataBase64: await readBase64(picked) };
      setFile(next);
      setPreview(await api.call('exchange.preview', next));
    } catch (e) {
      setError(failureOf(e));
    } finally {
      setReading(null);
    }
  }

  /** After the phone call: trust the sender's new key, then read the same file again. */
  async function trustNewKey(fingerprint: string) {
    if (!file) return;
    try {
      const trusted = await api.call('exchange.trustKey', { ...file, fingerprint });
      message.success(t('exchange.preview.keyTrusted', { zone: trusted.zoneName }));
      setError(null);
      setReading(file.fileName);
      setPreview(await api.call('exchange.preview', file));
    } catch (e) {
      setError(failureOf(e));
    } finally {
      setReading(null);
    }
  }

  // The file picked on the card: checked once the dialog opens (it is mounted per file).
  useEffect(() => void pick(initial), [initial]);

  async function apply(confirmMassDelete = false) {
    if (!file) return;
    setApplying(true);
    try {
      const done = await api.call('exchange.apply', { ...file, confirmMassDelete });
      setResult(done);
      setError(null);
      onImported(done);
    } catch (e) {
      showFailure(e, message.error);
      setError(failureOf(e));
    } finally {
      setApplying(false);
    }
  }

  const shown = result ?? preview;
  const canApply = !result && preview !== null && !preview.duplicate;
  const footer = (
    <Space>
      {result ? null : (
        <Button onClick={onClose} disabled={applying}>
          {t('common.cancel')}
        </Button>
      )}
      {canApply ? (
        <Button type="primary" loading={applying} onClick={() => void apply()} data-testid="exchange-confirm">
          {preview.keyNotice ? t('exchange.preview.confirmKey') : t('exchange.preview.confirm')}
        </Button>
      ) : null}
      {!result && error?.massDelete && file && role === 'secretariat' ? (
        <Popconfirm title={t('exchange.preview.massDeleteConfirm')} onConfirm={() => void apply(true)} okText={t('common.yes')} cancelText={t('common.no')}>
          <Button danger loading={applying}>
            {t('exchange.preview.massDelete')}
          </Button>
        </Popconfirm>
      ) : null}
      {!result && error?.newKey && file ? (
        <Popconfirm
          title={t('exchange.preview.trustKeyTitle')}
          description={<span data-testid="exchange-new-key-confirm">{t('exchange.preview.trustKeyConfirm', { fingerprint: error.newKey })}</span>}
          onConfirm={() => trustNewKey(error.newKey!)}
          okText={t('exchange.preview.trustKeyOk')}
          cancelText={t('common.cancel')}
        >
          <Button danger data-testid="exchange-trust-new-key">
            {t('exchange.preview.trustKey')}
          </Button>
        </Popconfirm>
      ) : null}
      {result || (!canApply && !reading) ? (
        <Button type={result ? 'primary' : 'default'} onClick={onClose} data-testid="exchange-close">
          {t('common.close')}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <Modal open width={820} title={t('exchange.preview.title')} onCancel={onClose} maskClosable={false} footer={footer} destroyOnHidden>
      <Spin spinning={reading !== null || applying} description={reading ? t('exchange.preview.reading', { name: reading }) : undefined}>
        <Space orientation="vertical" size="middle" style={{ width: '100%', minHeight: 120 }} data-testid="exchange-import">
          {shown ? (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong data-testid="exchange-sender">
                {t('exchange.preview.from', { zone: shown.sender.zoneName, at: dayjs(shown.sender.createdAt).format('YYYY-MM-DD HH:mm') })}
              </Typography.Text>
              {file ? <Typography.Text type="secondary">{t('exchange.preview.fileName', { name: file.fileName })}</Typography.Text> : null}
            </Space>
          ) : null}
          {error ? <Alert type="error" showIcon title={error.text} data-testid="exchange-import-error" /> : null}
          {result ? (
            <Result
              style={{ padding: '8px 0' }}
              status="success"
              title={result.kinds.some((k) => k.added + k.updated > 0) ? t('exchange.preview.applied') : t('exchange.preview.appliedNothing')}
              subTitle={<span data-testid="exchange-import-result">{countsLine(t, result.kinds)}</span>}
            />
          ) : null}
          {shown && !result ? <KeyNotice result={shown} /> : null}
          {shown?.duplicate ? <Alert type="info" showIcon title={t('exchange.preview.duplicate')} data-testid="exchange-duplicate" /> : null}
          {shown && !shown.duplicate ? (
            <>
              {shown.kinds.length > 0 ? <KindCounts kinds={shown.kinds} /> : <Alert type="info" showIcon title={t('exchange.preview.nothing')} />}
              <Refusals refusals={shown.refusals} />
              <ResultNotices result={shown} />
            </>
          ) : null}
          {result || (error && !reading) ? (
            <Upload accept={PACKAGE_SUFFIX} showUploadList={false} maxCount={1} beforeUpload={(f) => (void pick(f), false)}>
              <Button icon={<UploadOutlined />}>{t('exchange.preview.another')}</Button>
            </Upload>
          ) : null}
        </Space>
      </Spin>
    </Modal>
  );
}
