import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract';
import { FakeBrowserWindow, FakeWebContents, navigationEvent } from './fake-electron';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createElectronFake());
vi.mock('electron', () => fake.module);

/**
 * The real main process (electron/main/index.ts) on a fake Electron and a real core: the
 * database is a real SQLite file in a temp folder standing in for `userData`.
 */
let userData: string;
let appPath: string;

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'alliance-userdata-'));
  appPath = mkdtempSync(join(tmpdir(), 'alliance-apppath-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  fake.app.emit('will-quit');
  rmSync(userData, { recursive: true, force: true });
  rmSync(appPath, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function launch(options: { singleInstance?: boolean } = {}): Promise<void> {
  vi.resetModules();
  fake.reset();
  fake.app.userData = userData;
  fake.app.appPath = appPath;
  fake.app.requestSingleInstanceLock.mockReturnValue(options.singleInstance ?? true);
  await import('../../electron/main/index');
  await fake.app.becomeReady();
}

const mocks = () =>
  fake.module as unknown as {
    dialog: { showErrorBox: ReturnType<typeof vi.fn> };
    Menu: { setApplicationMenu: ReturnType<typeof vi.fn> };
    protocol: { handle: ReturnType<typeof vi.fn>; registerSchemesAsPrivileged: ReturnType<typeof vi.fn> };
  };

function callFromWindow(channel: string, input: unknown, url = 'app://alliance/index.html'): unknown {
  const win = FakeBrowserWindow.created[0]!;
  return fake.handlers.get(channel)!({ sender: win.webContents, senderFrame: { url, parent: null } }, input);
}

describe('the main process', () => {
  it('opens the database in userData, serves every channel and shows one window', async () => {
    await launch();
    expect(existsSync(join(userData, 'alliance.sqlite'))).toBe(true);
    expect([...fake.handlers.keys()]).toEqual([...CHANNEL_NAMES, 'window.printToPdf']);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(FakeBrowserWindow.created[0]!.options.webPreferences).toMatchObject({ preload: join(appPath, 'dist', 'electron', 'preload.cjs') });
    expect(mocks().Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(mocks().protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(mocks().protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('answers a call from its window with the real core and refuses the same call from elsewhere', async () => {
    await launch();
    expect(await callFromWindow('app.info', {})).toMatchObject({ ok: true, value: expect.objectContaining({ appVersion: '0.1.0', dataDir: userData }) });
    expect(await callFromWindow('app.info', {}, 'file:///tmp/evil.html')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('hardens every web contents created after start-up', async () => {
    await launch();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    const event = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('quits at once when another instance already runs, without touching the data', async () => {
    await launch({ singleInstance: false });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(existsSync(join(userData, 'alliance.sqlite'))).toBe(false);
  });

  it('focuses the running window when a second instance starts', async () => {
    await launch();
    fake.app.emit('second-instance', {}, [], '', {});
    expect(FakeBrowserWindow.created[0]!.focus).toHaveBeenCalled();
  });

  it('opens a new window when launched again after its window was closed (macOS keeps running)', async () => {
    await launch();
    FakeBrowserWindow.created[0]!.emit('closed');
    fake.app.emit('second-instance', {}, [], '', {});
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('quits when the last window closes, except on macOS', async () => {
    await launch();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      fake.app.emit('window-all-closed');
      expect(fake.app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'win32' });
      fake.app.emit('window-all-closed');
      expect(fake.app.quit).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('closes the database on quit (the write-ahead log is folded back and removed)', async () => {
    await launch();
    expect(existsSync(join(userData, 'alliance.sqlite-wal'))).toBe(true);
    fake.app.emit('will-quit');
    expect(existsSync(join(userData, 'alliance.sqlite-wal'))).toBe(false);
  });

  it('refuses a database from a newer version with its Chinese message, untouched, and quits', async () => {
    const file = join(userData, 'alliance.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(file);
    await launch();
    const showErrorBox = mocks().dialog.showErrorBox;
    expect(showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = showErrorBox.mock.calls[0]! as [string, string];
    expect(title).toBe('无法打开数据文件');
    expect(message).toContain('更新版本');
    expect(message).not.toMatch(/\n\s+at /);
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(fake.handlers.size).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('opens a damaged database without touching it, so the window can explain and offer the backups', async () => {
    const file = join(userData, 'alliance.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const before = readFileSync(file);
    await launch();
    expect(mocks().dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fake.app.exit).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(fake.handlers.size).toBeGreaterThan(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
