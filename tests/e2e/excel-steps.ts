import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { SheetRecordType } from '../../shared/domain/spreadsheet';

/** Steps the Excel end-to-end tests share. */

/** Clicks an item of the 「Excel」 menu of `recordType` (the one on the page or in the open drawer). */
export async function excelMenu(page: Page, recordType: SheetRecordType, item: string): Promise<void> {
  await page.getByTestId(`excel-menu-${recordType}`).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Downloads what `action` triggers and returns its name and bytes. */
export async function download(page: Page, action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}
