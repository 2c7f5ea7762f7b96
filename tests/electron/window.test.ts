import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './fake-electron';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createElectronFake());
vi.mock('electron', () => fake.module);

const { createMainWindow, isAppWindow, WINDOW_TITLE } = await import('../../electron/main/window');

describe('createMainWindow', () => {
  beforeEach(() => fake.reset());

  it('creates the window sandboxed, isolated, without Node and with web security', () => {
    createMainWindow({ preload: '/app/dist/electron/preload.cjs', devTools: false });
    const options = FakeBrowserWindow.created[0]!.options;
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/dist/electron/preload.cjs',
      devTools: false,
    });
    expect(options.title).toBe('联盟协同工作台');
    expect(WINDOW_TITLE).toBe('联盟协同工作台');
  });

  it('loads the renderer from the app:// origin, never from a file or the web', () => {
    const win = createMainWindow({ preload: '/p.cjs', devTools: true });
    expect(win.loadURL).toHaveBeenCalledWith('app://alliance/index.html');
  });

  it('stays hidden until the first paint is ready, then shows', () => {
    const win = createMainWindow({ preload: '/p.cjs', devTools: true }) as unknown as FakeBrowserWindow;
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('recognises its own windows and nothing else as app windows', () => {
    const win = createMainWindow({ preload: '/p.cjs', devTools: true });
    expect(isAppWindow(win.webContents)).toBe(true);
    expect(isAppWindow({} as WebContents)).toBe(false);
  });
});
