import type { AllianceBridge } from '../../../shared/bridge';

/**
 * Prints the current view. In the desktop app: straight to an A4 PDF through the main
 * process (Electron's printToPDF, then a save dialog) — resolves to the saved path, or null
 * when the user cancelled; throws the core-style message on failure. In a browser: the
 * browser's own print dialog (its "Save as PDF" printer), resolving to null.
 */
export async function printPage(suggestedName: string): Promise<string | null> {
  const bridge = (window as unknown as { alliance?: AllianceBridge }).alliance;
  if (!bridge?.printToPdf) {
    window.print();
    return null;
  }
  const result = (await bridge.printToPdf(suggestedName)) as { ok: true; value: { path: string } | null } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(result.error.message);
  return result.value?.path ?? null;
}
