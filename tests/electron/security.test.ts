import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, navigationEvent } from './fake-electron';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createElectronFake());
vi.mock('electron', () => fake.module);

const { restrictPermissions, hardenWebContents } = await import('../../electron/main/security');

const openExternal = (fake.module.shell as { openExternal: ReturnType<typeof vi.fn> }).openExternal;

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

const FOREIGN = [
  ['a web page', 'https://evil.example/'],
  ['plain http', 'http://evil.example/'],
  ['another local file', 'file:///etc/passwd'],
  ['the renderer opened as a file', 'file:///work/main/dist/renderer/index.html'],
  ['a look-alike app host', 'app://alliance.evil/'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['a data: page', 'data:text/html,<h1>hi</h1>'],
];

describe('hardenWebContents', () => {
  beforeEach(() => fake.reset());

  it.each(FOREIGN)('prevents navigating the window to %s', (_label, url) => {
    const event = navigationEvent(url);
    hardened().emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each(FOREIGN)('prevents navigating a subframe to %s', (_label, url) => {
    const event = navigationEvent(url);
    hardened().emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each(FOREIGN)('prevents a redirect to %s', (_label, url) => {
    const event = navigationEvent(url);
    hardened().emit('will-redirect', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('lets the app move within its own origin', () => {
    const contents = hardened();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const event = navigationEvent('app://alliance/index.html');
      contents.emit(name, event);
      expect(event.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('opens a clicked safe https link in the system browser instead of the window', () => {
    const event = navigationEvent('https://www.most.gov.cn/');
    hardened().emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://www.most.gov.cn/');
  });

  it('never hands a redirect target to the system browser', () => {
    hardened().emit('will-redirect', navigationEvent('https://www.most.gov.cn/'));
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window and opens only a safe https URL externally', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://example.cn/path?q=1' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.cn/path?q=1');
  });

  it.each([
    ['javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['\\\\server\\share\\x.exe'],
    ['http://example.cn/'],
    ['https://user:pass@example.cn/'],
    ['https://xn--80ak6aa92e.com/'],
    ['app://alliance/index.html'],
    ['about:blank'],
  ])('denies window.open(%s) without opening anything', (url) => {
    expect(hardened().windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const event = { preventDefault: vi.fn() };
    hardened().emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('restrictPermissions', () => {
  const ourPage = { getURL: () => 'app://alliance/index.html' };
  const foreign = { getURL: () => 'https://evil.example/' };
  const ask = (contents: unknown, permission: string, requestingUrl?: string) => {
    const session = fake.session;
    const requestHandler = session.setPermissionRequestHandler.mock.calls.at(-1)![0] as (c: unknown, p: string, cb: (ok: boolean) => void, d?: unknown) => void;
    const callback = vi.fn();
    requestHandler(contents, permission, callback, requestingUrl ? { requestingUrl } : undefined);
    return callback.mock.calls[0]![0] as boolean;
  };

  it('grants the app’s own page notifications (reminders) and full screen (projector), nothing else', () => {
    restrictPermissions(fake.session as unknown as Session);
    expect(ask(ourPage, 'notifications')).toBe(true);
    expect(ask(ourPage, 'fullscreen', 'app://alliance/index.html')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'pointerLock']) expect(ask(ourPage, permission)).toBe(false);
  });

  it('refuses every permission to any other origin, and every device', () => {
    restrictPermissions(fake.session as unknown as Session);
    expect(ask(foreign, 'notifications')).toBe(false);
    expect(ask(ourPage, 'fullscreen', 'https://evil.example/')).toBe(false);
    const checkHandler = fake.session.setPermissionCheckHandler.mock.calls.at(-1)![0] as (...args: unknown[]) => boolean;
    expect(checkHandler({}, 'notifications', 'app://alliance')).toBe(true);
    expect(checkHandler({}, 'media', 'app://alliance')).toBe(false);
    expect(checkHandler({}, 'notifications', 'https://evil.example')).toBe(false);
    const deviceHandler = fake.session.setDevicePermissionHandler.mock.calls.at(-1)![0] as (...args: unknown[]) => boolean;
    expect(deviceHandler({ deviceType: 'usb', origin: 'app://alliance' })).toBe(false);
  });
});
