import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract';
import type { Result } from '../../shared/errors';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createElectronFake());
vi.mock('electron', () => fake.module);

const { APP_ORIGIN } = await import('../../electron/main/app-origin');
const { FORBIDDEN_RESULT, isTrustedSender, isTrustedSenderUrl, registerIpc } = await import('../../electron/main/ipc');

const OUR_PAGE = 'app://alliance/index.html';

const HOSTILE_SENDER_URLS: Array<[string, unknown]> = [
  ['another local file', 'file:///tmp/evil.html'],
  ['the built renderer opened as a file', 'file:///work/main/dist/renderer/index.html'],
  ['a web page over http', 'http://evil.example/'],
  ['a web page over https', 'https://evil.example/index.html'],
  ['about:blank', 'about:blank'],
  ['about:srcdoc', 'about:srcdoc'],
  ['a data: page', 'data:text/html,<script>1</script>'],
  ['a blob: URL', 'blob:app://alliance/1234'],
  ['a look-alike host', 'app://alliance.evil/index.html'],
  ['a host with our name as user name', 'app://alliance@evil/index.html'],
  ['our host on another port', 'app://alliance:8080/index.html'],
  ['another app:// host', 'app://evil/index.html'],
  ['an upper-case host', 'APP://ALLIANCE/index.html'],
  ['another scheme with our host', 'apps://alliance/index.html'],
  ['devtools', 'devtools://devtools/bundled/inspector.html'],
  ['chrome: internals', 'chrome://gpu'],
  ['a leading space', ` ${OUR_PAGE}`],
  ['a newline', `${OUR_PAGE}\n`],
  ['an empty string', ''],
  ['null', null],
  ['a number', 42],
];

describe('isTrustedSenderUrl', () => {
  it.each(HOSTILE_SENDER_URLS)('refuses %s', (_label, url) => {
    expect(isTrustedSenderUrl(url, APP_ORIGIN)).toBe(false);
  });

  it.each([[OUR_PAGE], ['app://alliance/'], ['app://alliance/index.html#/zones'], ['app://alliance/index.html?x=1']])('trusts our own page %s', (url) => {
    expect(isTrustedSenderUrl(url, APP_ORIGIN)).toBe(true);
  });
});

/** An IPC event as Electron builds it, from a frame of some web contents. */
function eventFrom(sender: object, frame: { url: string; parent: unknown } | null) {
  return { sender, senderFrame: frame } as unknown as Parameters<typeof isTrustedSender>[0];
}

describe('isTrustedSender', () => {
  const ours = {};
  const isAppWindow = (contents: WebContents) => contents === (ours as WebContents);

  it('trusts the main frame of our window showing our page', () => {
    expect(isTrustedSender(eventFrom(ours, { url: OUR_PAGE, parent: null }), isAppWindow)).toBe(true);
  });

  it('refuses a subframe even when it shows our origin', () => {
    const main = { url: OUR_PAGE, parent: null };
    expect(isTrustedSender(eventFrom(ours, { url: OUR_PAGE, parent: main }), isAppWindow)).toBe(false);
  });

  it('refuses a call whose frame is already gone', () => {
    expect(isTrustedSender(eventFrom(ours, null), isAppWindow)).toBe(false);
  });

  it('refuses a frame Electron can no longer read instead of crashing', () => {
    const disposed = {
      parent: null,
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(eventFrom(ours, disposed), isAppWindow)).toBe(false);
  });

  it('refuses web contents that are not one of our windows', () => {
    expect(isTrustedSender(eventFrom({}, { url: OUR_PAGE, parent: null }), isAppWindow)).toBe(false);
  });

  it.each(HOSTILE_SENDER_URLS)('refuses our window after it navigated to %s', (_label, url) => {
    expect(isTrustedSender(eventFrom(ours, { url: url as string, parent: null }), isAppWindow)).toBe(false);
  });
});

describe('registerIpc', () => {
  const ours = {};
  const isAppWindow = (contents: WebContents) => contents === (ours as WebContents);
  const dispatch = vi.fn(async (channel: unknown, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { channel, input } }));

  beforeEach(() => {
    fake.reset();
    registerIpc(dispatch, isAppWindow);
  });

  it('registers exactly the contract channels, each once', () => {
    const registered = (fake.module.ipcMain as { handle: ReturnType<typeof vi.fn> }).handle.mock.calls.map((call) => call[0]);
    expect(registered).toEqual(CHANNEL_NAMES);
    expect(new Set(registered).size).toBe(CHANNEL_NAMES.length);
  });

  it('passes a trusted call to the dispatcher unchanged and returns its envelope', async () => {
    const handler = fake.handlers.get('zones.list')!;
    const input = { includeInactive: true };
    expect(await handler(eventFrom(ours, { url: OUR_PAGE, parent: null }), input)).toEqual({ ok: true, value: { channel: 'zones.list', input } });
    expect(dispatch).toHaveBeenCalledWith('zones.list', input);
  });

  it.each([
    ['another file page', eventFrom(ours, { url: 'file:///tmp/evil.html', parent: null })],
    ['a web page', eventFrom(ours, { url: 'http://evil.example/', parent: null })],
    ['about:blank', eventFrom(ours, { url: 'about:blank', parent: null })],
    ['a subframe', eventFrom(ours, { url: OUR_PAGE, parent: { url: OUR_PAGE, parent: null } })],
    ['a foreign window', eventFrom({}, { url: OUR_PAGE, parent: null })],
    ['a vanished frame', eventFrom(ours, null)],
  ])('answers FORBIDDEN to %s without calling the dispatcher', (_label, event) => {
    for (const name of CHANNEL_NAMES) {
      expect(fake.handlers.get(name)!(event, {})).toEqual(FORBIDDEN_RESULT);
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(FORBIDDEN_RESULT).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：请求不是来自本应用的页面。' } });
  });
});
