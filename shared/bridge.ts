/** What the preload script exposes to the renderer as `window.alliance`: the contract, and one desktop-only helper. */
export interface AllianceBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /**
   * Desktop only: prints the current page to an A4 PDF (the page's own @page rules, page
   * numbers included) and asks where to save it. Resolves to the saved path, null when the
   * user cancelled, or an error envelope. Browser mode has no such helper: it uses window.print().
   */
  printToPdf?(suggestedName: string): Promise<unknown>;
}

/** The IPC channel behind `printToPdf`: outside the contract (it needs the window, not the core). */
export const PRINT_TO_PDF_CHANNEL = 'window.printToPdf';
