import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, type WebContents } from 'electron';
import { PRINT_TO_PDF_CHANNEL } from '../../shared/bridge';
import type { Result } from '../../shared/errors';
import { FORBIDDEN_RESULT, isTrustedSender } from './ipc';

/** A file name the save dialog can offer: no path separators or reserved characters, ≤ 80 characters. */
export function pdfFileName(suggested: unknown): string {
  const base = typeof suggested === 'string' ? suggested.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 80) : '';
  return `${base || '联盟协同工作台'}.pdf`;
}

/**
 * The report and the sign-in sheets print to PDF in the desktop app: Chromium's printer
 * honours the page's @page rules (A4, margins, 第 n 页 / 共 N 页), then the user picks where
 * to save. Only our own window may ask; the bytes are written by the main process.
 */
export function registerPrintToPdf(isAppWindow: (contents: WebContents) => boolean): void {
  ipcMain.handle(PRINT_TO_PDF_CHANNEL, async (event, suggested: unknown): Promise<Result<{ path: string } | null>> => {
    if (!isTrustedSender(event, isAppWindow)) return FORBIDDEN_RESULT;
    try {
      const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      const window = BrowserWindow.fromWebContents(event.sender);
      const options = { defaultPath: pdfFileName(suggested), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, value: null };
      await writeFile(choice.filePath, pdf);
      return { ok: true, value: { path: choice.filePath } };
    } catch (error) {
      console.error('printToPdf failed', error);
      return { ok: false, error: { code: 'INTERNAL', message: '生成 PDF 失败，未保存文件。可改用「打印」并选择“另存为 PDF”。' } };
    }
  });
}
