import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module: the Electron runtime cannot run here, so the glue
 * is exercised against these fakes (via `vi.mock('electron', …)`). Only Electron is faked;
 * our own modules always run for real.
 */

export interface FakeNavigationEvent {
  url: string;
  preventDefault: ReturnType<typeof vi.fn>;
}

export function navigationEvent(url: string): FakeNavigationEvent {
  return { url, preventDefault: vi.fn() };
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.created;
  }
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  userData = '';
  appPath = '';
  private ready: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly enableSandbox = vi.fn();
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly getPath = vi.fn((name: string) => (name === 'userData' ? this.userData : ''));
  readonly getAppPath = vi.fn(() => this.appPath);
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Fires `ready` and lets the app's start-up run. */
  async becomeReady(): Promise<void> {
    this.ready();
    await this.readyPromise;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** A fresh fake for each test file (or each test that re-imports the main process). */
export function createElectronFake() {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  const fake = {
    handlers,
    session,
    app: new FakeApp(),
    module: {} as Record<string, unknown>,
    reset(): void {
      handlers.clear();
      FakeBrowserWindow.created = [];
      fake.app = new FakeApp();
      fake.module.app = fake.app;
      vi.clearAllMocks();
    },
  };
  fake.module = {
    app: fake.app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, input: unknown) => unknown) => {
        handlers.set(channel, handler);
      }),
    },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 'from main' })) },
    contextBridge: { exposeInMainWorld: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    session: { defaultSession: session },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
  };
  return fake;
}

export type ElectronFake = ReturnType<typeof createElectronFake>;
