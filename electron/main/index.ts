import { app, BrowserWindow, dialog, session } from 'electron';
import { createCore, type Core } from '../core/app-core';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { registerPrintToPdf } from './print';
import { installMenu } from './menu';
import { nativeBindingFor } from './native-binding';
import { desktopPaths } from './paths';
import { hardenWebContents, restrictPermissions } from './security';
import { describeStartupError } from './startup-error';
import { createMainWindow, isAppWindow } from './window';

/**
 * The desktop app's lifecycle, and nothing else: one instance, one core over the user's
 * data folder, one hardened window. Every decision lives in the small modules beside this.
 */
let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // One process per data file: a second launch only brings the running window forward.
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  // Installed before any window exists, so every web contents is hardened from birth.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', closeCore);
  app.whenReady().then(start).catch(failStartup);
}

function start(): void {
  const paths = desktopPaths(app.getAppPath());
  try {
    core = createCore({
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      nativeBinding: nativeBindingFor({ isPackaged: app.isPackaged, devNativeBinding: paths.devNativeBinding }),
    });
  } catch (error) {
    failStartup(error);
    return;
  }
  restrictPermissions(session.defaultSession);
  serveRenderer(paths.rendererDir);
  registerIpc(core.dispatchAsync, isAppWindow);
  registerPrintToPdf(isAppWindow);
  installMenu({ isPackaged: app.isPackaged, platform: process.platform, version: app.getVersion() });
  openWindow();
}

function openWindow(): void {
  const paths = desktopPaths(app.getAppPath());
  mainWindow = createMainWindow({ preload: paths.preload, devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusWindow(): void {
  // On macOS the app outlives its window: a second launch then opens a new one.
  if (!mainWindow) {
    if (core) openWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** A database that is too new or damaged is refused with its own message; the file is untouched. */
function failStartup(error: unknown): void {
  console.error(error);
  const { title, message } = describeStartupError(error);
  dialog.showErrorBox(title, message);
  closeCore();
  app.exit(1);
}

function closeCore(): void {
  const open = core;
  core = null;
  open?.close();
}
