import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AllianceBridge } from '../../shared/bridge';
import { CHANNEL_NAMES } from '../../shared/contract';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createElectronFake());
vi.mock('electron', () => fake.module);

const { isAllowedChannel } = await import('../../electron/preload/channel-filter');

const expose = (fake.module.contextBridge as { exposeInMainWorld: ReturnType<typeof vi.fn> }).exposeInMainWorld;
const invoke = (fake.module.ipcRenderer as { invoke: ReturnType<typeof vi.fn> }).invoke;

let bridge: AllianceBridge;

beforeAll(async () => {
  await import('../../electron/preload/index');
  bridge = expose.mock.calls[0]![1] as AllianceBridge;
});

const HOSTILE_CHANNELS: Array<[string, unknown]> = [
  ['an empty string', ''],
  ['a name without a domain', 'zones'],
  ['three parts', 'zones.list.extra'],
  ['an upper-case domain', 'Zones.list'],
  ['a leading dot', '.list'],
  ['a trailing newline', 'zones.list\n'],
  ['an Electron-internal channel', 'ELECTRON_BROWSER_REQUIRE'],
  ['an ipcRenderer internal', 'electron:ipc'],
  ['a path', '../zones.list'],
  ['a prototype key', '__proto__'],
  ['digits', 'zones.list1'],
  ['a very long name', `zones.${'a'.repeat(100)}`],
  ['null', null],
  ['a number', 42],
  ['an object', { toString: () => 'zones.list' }],
];

describe('the preload bridge', () => {
  it('exposes only window.alliance with invoke and printToPdf', () => {
    expect(expose).toHaveBeenCalledTimes(1);
    expect(expose.mock.calls[0]![0]).toBe('alliance');
    expect(Object.keys(bridge)).toEqual(['invoke', 'printToPdf']);
    expect(typeof bridge.invoke).toBe('function');
  });

  it('sends a print request on its own channel with the name cut to 80 characters', async () => {
    invoke.mockClear();
    await bridge.printToPdf!('报'.repeat(200));
    expect(invoke).toHaveBeenCalledWith('window.printToPdf', '报'.repeat(80));
  });

  it('lets every contract channel name through', () => {
    for (const name of CHANNEL_NAMES) expect(isAllowedChannel(name)).toBe(true);
  });

  it('forwards a contract call to ipcRenderer.invoke and returns the main process envelope', async () => {
    invoke.mockClear();
    await expect(bridge.invoke('zones.list', { includeInactive: true })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(invoke).toHaveBeenCalledWith('zones.list', { includeInactive: true });
  });

  it.each(HOSTILE_CHANNELS)('refuses %s with an UNKNOWN_CHANNEL envelope without touching IPC', async (_label, channel) => {
    invoke.mockClear();
    const result = await bridge.invoke(channel as string, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/^未知的操作/);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into an INTERNAL envelope instead of a raw error', async () => {
    invoke.mockRejectedValueOnce(new Error("No handler registered for 'zones.nope'"));
    await expect(bridge.invoke('zones.nope', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    invoke.mockImplementationOnce(() => {
      throw new Error('An object could not be cloned.');
    });
    await expect(bridge.invoke('zones.list', { f: () => 1 })).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
