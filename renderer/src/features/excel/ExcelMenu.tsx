import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetExportInput } from '../../../../shared/domain/spreadsheet';
import { useApp } from '../../app/AppContext';
import { downloadBase64 } from '../../ui/download';
import { showFailure } from '../../ui/errors';
import { ImportDialog } from './ImportDialog';

type MenuKey = 'template' | 'import' | 'xlsx' | 'csv';

/** Which list the menu serves: a record type with its list's filter, or with its scope (one event's registrations). */
export type ExcelList = SheetExportInput extends infer T ? (T extends unknown ? Omit<T, 'format'> : never) : never;

/**
 * The list toolbar's 「Excel」 menu: the import template, the import dialog, and an export of
 * exactly what the list shows (the same filter as the list's search, or the same scope).
 * `importable` false leaves only the export (who may not add such records).
 */
export function ExcelMenu({ list, onImported, importable = true, size }: { list: ExcelList; onImported(): void; importable?: boolean; size?: 'small' | 'middle' }) {
  const { recordType } = list;
  const scope = 'scope' in list ? list.scope : undefined;
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
    // A large list takes a while (the whole registry: ~half a minute): say so until it is done.
    const working = key === 'template' ? null : message.loading(t('excel.exporting'), 0);
    try {
      const file = key === 'template' ? await api.call('excel.template', { recordType, scope }) : await api.call('excel.export', { ...list, format: key } as SheetExportInput);
      downloadBase64(file);
      if (key !== 'template') message.success(t('excel.exported', { name: file.fileName }));
    } catch (e) {
      showFailure(e, message.error);
    } finally {
      working?.();
      setBusy(false);
    }
  }

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...(importable ? [{ key: 'template', label: t('excel.template') }, { key: 'import', label: t('excel.import') }, { type: 'divider' as const }] : []),
            { key: 'xlsx', label: t('excel.exportXlsx') },
            { key: 'csv', label: t('excel.exportCsv') },
          ],
          onClick: ({ key }) => void run(key as MenuKey),
        }}
      >
        <Button icon={<FileExcelOutlined />} loading={busy} size={size} data-testid={`excel-menu-${recordType}`}>
          {t('excel.menu')} <DownOutlined />
        </Button>
      </Dropdown>
      {importing ? <ImportDialog recordType={recordType} scope={scope} onClose={() => setImporting(false)} onImported={onImported} /> : null}
    </>
  );
}
