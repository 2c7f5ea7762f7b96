import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeResult } from '../../../../shared/domain/exchange';
import { useApp } from '../../app/AppContext';
import { downloadBase64 } from '../../ui/download';
import { showFailure } from '../../ui/errors';
import { ImportPackageDialog, PACKAGE_SUFFIX, packageFileProblem } from './ImportPackageDialog';

/** 交换包（U 盘）: export this installation's changes as a file; import one through the preview dialog. */
export function PackageSection({ onChanged }: { onChanged(result?: ExchangeResult): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [exporting, setExporting] = useState(false);
  const [picked, setPicked] = useState<File | null>(null);

  async function exportPackage() {
    setExporting(true);
    try {
      const file = await api.call('exchange.export');
      downloadBase64(file);
      message.success(t('exchange.file.exported', { name: file.fileName }));
      onChanged();
    } catch (error) {
      showFailure(error, message.error);
    } finally {
      setExporting(false);
    }
  }

  function pick(file: File) {
    const problem = packageFileProblem(t, file);
    if (problem) message.error(problem);
    else setPicked(file);
  }

  return (
    <section aria-labelledby="exchange-file-title" data-testid="exchange-file">
      <Typography.Title level={5} id="exchange-file-title">
        {t('exchange.file.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('exchange.file.help')}
      </Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportPackage()} data-testid="exchange-export">
          {t('exchange.file.export')}
        </Button>
        <Upload accept={PACKAGE_SUFFIX} showUploadList={false} maxCount={1} beforeUpload={(f) => (pick(f), false)}>
          <Button icon={<UploadOutlined />} data-testid="exchange-import-pick">
            {t('exchange.file.import')}
          </Button>
        </Upload>
      </Space>
      {picked ? <ImportPackageDialog initial={picked} onClose={() => setPicked(null)} onImported={(r) => onChanged(r)} /> : null}
    </section>
  );
}
