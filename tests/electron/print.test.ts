import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRINT_TO_PDF_CHANNEL } from '../../shared/bridge';
import { createElectronFake } from './fake-electron';

const fake = createElectronFake();
const showSaveDialog = vi.fn();
fake.module.dialog = { ...(fake.module.dialog as object), showSaveDialog };
(fake.module.BrowserWindow as { fromWebContents?: unknown }).fromWebContents = vi.fn(() => ({ id: 1 }));
vi.mock('electron', () => fake.module);

const { FORBIDDEN_RESULT } = await import('../../electron/main/ipc');
const { pdfFileName, registerPrintToPdf } = await import('../../electron/main/print');

const PDF = Buffer.from('%PDF-1.7\n…');
const ours = { printToPDF: vi.fn(async () => PDF) };
const isAppWindow = (contents: WebContents) => contents === (ours as unknown as WebContents);
const from = (sender: unknown, url = 'app://alliance/index.html') => ({ sender, senderFrame: { url, parent: null } });

describe('printing to PDF in the desktop app', () => {
  beforeEach(() => {
    fake.reset();
    (fake.module.dialog as Record<string, unknown>).showSaveDialog = showSaveDialog;
    showSaveDialog.mockReset();
    ours.printToPDF.mockClear();
    registerPrintToPdf(isAppWindow);
  });

  it('prints our own page to A4 with its CSS page rules and writes the file where the user chose', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'alliance-pdf-')), '报告.pdf');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const handler = fake.handlers.get(PRINT_TO_PDF_CHANNEL)!;
    expect(await handler(from(ours), '联盟2026年度工作报告')).toEqual({ ok: true, value: { path: target } });
    expect(ours.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(showSaveDialog.mock.calls[0]!.at(-1)).toMatchObject({ defaultPath: '联盟2026年度工作报告.pdf' });
    expect(readFileSync(target)).toEqual(PDF);
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: undefined });
    expect(await fake.handlers.get(PRINT_TO_PDF_CHANNEL)!(from(ours), 'x')).toEqual({ ok: true, value: null });
  });

  it('refuses another page or window without printing anything', async () => {
    const handler = fake.handlers.get(PRINT_TO_PDF_CHANNEL)!;
    expect(await handler(from(ours, 'https://evil.example/'), 'x')).toEqual(FORBIDDEN_RESULT);
    expect(await handler(from({ printToPDF: ours.printToPDF }), 'x')).toEqual(FORBIDDEN_RESULT);
    expect(ours.printToPDF).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['../../etc/passwd', '.._.._etc_passwd.pdf'],
    ['a:b*c?"d<e>f|g', 'a_b_c_d_e_f_g.pdf'],
    ['', '联盟协同工作台.pdf'],
    [42, '联盟协同工作台.pdf'],
  ])('offers a safe file name for %j', (input, expected) => {
    expect(pdfFileName(input)).toBe(expected);
  });
});
