import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createElectronFake());
vi.mock('electron', () => fake.module);

const { registerAppScheme, rendererResponse, serveRenderer } = await import('../../electron/main/app-protocol');

// A renderer directory next to a file that must never be served.
const base = mkdtempSync(join(tmpdir(), 'alliance-protocol-'));
const rendererDir = join(base, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>联盟协同工作台</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'SECRET');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => rendererResponse({ url, method }, rendererDir);

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme before the app is ready', () => {
    registerAppScheme();
    const register = (fake.module.protocol as { registerSchemesAsPrivileged: ReturnType<typeof vi.fn> }).registerSchemesAsPrivileged;
    expect(register).toHaveBeenCalledWith([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('is served by a handler for the app scheme only', () => {
    serveRenderer(rendererDir);
    const handle = (fake.module.protocol as { handle: ReturnType<typeof vi.fn> }).handle;
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]![0]).toBe('app');
  });

  it('serves index.html with the content security policy as a header', async () => {
    const response = await get('app://alliance/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('联盟协同工作台');
  });

  it('serves assets with their own content type and the same policy', async () => {
    const response = await get('app://alliance/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    ['an encoded parent path', 'app://alliance/%2e%2e/secret.txt'],
    ['an encoded slash', 'app://alliance/..%2fsecret.txt'],
    ['a doubly encoded path', 'app://alliance/%252e%252e/secret.txt'],
    ['a backslash path', 'app://alliance/..%5csecret.txt'],
  ])('never serves a file outside the renderer through %s', async (_label, url) => {
    const response = await get(url);
    if (response.status === 200) expect(await response.text()).not.toContain('SECRET');
  });

  it('refuses another host on the scheme', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://alliance/index.html', 'POST')).status).toBe(405);
  });
});
