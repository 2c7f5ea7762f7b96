import { BrowserWindow, type WebContents } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export const WINDOW_TITLE = '联盟协同工作台';

/** The web contents of the windows this module created: the only ones IPC answers. */
const appContents = new WeakSet<WebContents>();

export function isAppWindow(contents: WebContents): boolean {
  return appContents.has(contents);
}

/**
 * The one application window. The renderer is untrusted: it runs sandboxed, isolated from
 * the preload, without Node, and reaches the core only through the preload's `invoke`.
 */
export function createMainWindow(options: { preload: string; devTools: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });
  appContents.add(win.webContents);
  // Shown once painted, so the user never sees an empty white frame.
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('loading the renderer failed', error));
  return win;
}
