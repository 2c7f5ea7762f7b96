import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceSearchInput } from '../../../../shared/domain/resource-search';
import type { SheetRecordType } from '../../../../shared/domain/spreadsheet';
import { useApp } from '../../app/AppContext';
import { downloadBase64 } from '../../ui/download';
import { showFailure } from '../../ui/errors';
import { ImportDialog } from './ImportDialog';

type MenuKey = 'template' | 'import' | 'xlsx' | 'csv';

/**
 * The list toolbar's 「Excel」 menu: the import template, the import dialog, and an export of
 * exactly what the list shows (the same filter as the list's search).
 */
export function ExcelMenu({ recordType, filter, onImported }: { recordType: SheetRecordType; filter: Omit<ResourceSearchInput, 'offset' | 'limit'>; onImported(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);

  async function run(key: MenuKey) {
    if (key === 'import') {
      setImporting(true);
      return;
    }
    setBusy(true);
    try {
      const file = key === 'template' ? await api.call('excel.template', { recordType }) : await api.call('excel.export', { recordType, filter, format: key });
      downloadBase64(file);
      if (key !== 'template') message.success(t('excel.exported', { name: file.fileName }));
    } catch (e) {
      showFailure(e, message.error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'template', label: t('excel.template') },
            { key: 'import', label: t('excel.import') },
            { type: 'divider' },
            { key: 'xlsx', label: t('excel.exportXlsx') },
            { key: 'csv', label: t('excel.exportCsv') },
          ],
          onClick: ({ key }) => void run(key as MenuKey),
        }}
      >
        <Button icon={<FileExcelOutlined />} loading={busy} data-testid="excel-menu">
          {t('excel.menu')} <DownOutlined />
        </Button>
      </Dropdown>
      {importing ? <ImportDialog recordType={recordType} onClose={() => setImporting(false)} onImported={onImported} /> : null}
    </>
  );
}
