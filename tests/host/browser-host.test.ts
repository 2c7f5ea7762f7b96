import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract';
import { startHost, type Host } from '../../electron/host/server';
import { tempCore, type TempCore } from '../helpers/temp-core';

/** Raw HTTP, so tests can send the Host/Origin headers a browser or attacker would. */
function send(host: Host, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('the browser-mode host', () => {
  let core: TempCore;
  let host: Host;
  const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

  beforeAll(async () => {
    core = tempCore();
    const staticDir = mkdtempSync(join(tmpdir(), 'alliance-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    host = await startHost({ dispatch: core.dispatchAsync, staticDir, port: 0 });
  });
  afterAll(async () => {
    await host.close();
    core.remove();
  });

  it('listens on 127.0.0.1 only and prints a URL carrying the per-run token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves a contract call with the token, in the same envelope as IPC', async () => {
    const res = await send(host, '/api/zones.list', { method: 'POST', headers: auth(), body: JSON.stringify({ query: '哈尔滨' }) });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ ok: true, value: [{ code: 'HRB', role: 'secretariat' }] });
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { Authorization: 'Bearer wrong-token-wrong-token-wrong-token' }],
    ['the token without Bearer', { Authorization: 'TOKEN' }],
    ['an empty bearer', { Authorization: 'Bearer ' }],
  ])('answers 401 to a request with %s and runs nothing', async (_label, headers) => {
    const res = await send(host, '/api/zones.list', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('checks the token itself, not just its presence (the real token with one character changed is refused)', async () => {
    const forged = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    const res = await send(host, '/api/app.info', { method: 'POST', headers: { Authorization: `Bearer ${forged}` }, body: '{}' });
    expect(res.status).toBe(401);
  });

  it.each([
    ['a foreign Origin', { Origin: 'http://evil.example' }],
    ['a look-alike Origin', { Origin: 'http://127.0.0.1.evil.example' }],
    ['an https Origin on the same port', { Origin: 'https://127.0.0.1:PORT' }],
    ['a rebinding Host', { Host: 'evil.example:PORT' }],
    ['a Host on another port', { Host: '127.0.0.1:1' }],
  ])('answers 403 to %s even with the token', async (_label, headers) => {
    const withPort = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(host.port))]));
    const res = await send(host, '/api/zones.list', { method: 'POST', headers: { ...auth(), ...withPort }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('accepts the page’s own Origin', async () => {
    const res = await send(host, '/api/app.info', { method: 'POST', headers: { ...auth(), Origin: `http://127.0.0.1:${host.port}` }, body: '{}' });
    expect(res.status).toBe(200);
  });

  it('lists every channel with its input as JSON Schema at GET /api/contract', async () => {
    const res = await send(host, '/api/contract', { headers: auth() });
    const body = JSON.parse(res.body) as { ok: true; value: Array<{ channel: string; input: { type?: string; properties?: Record<string, unknown> } }> };
    expect(body.value.map((c) => c.channel)).toEqual(CHANNEL_NAMES);
    const create = body.value.find((c) => c.channel === 'zones.create')!;
    expect(create.input.type).toBe('object');
    expect(Object.keys(create.input.properties ?? {})).toEqual(expect.arrayContaining(['code', 'name', 'phone', 'email']));
    expect((await send(host, '/api/contract')).status).toBe(401);
  });

  it.each([
    ['malformed JSON', '{"query": ', 400],
    ['a body over 28 MB', JSON.stringify({ query: 'x'.repeat(29 * 1024 * 1024) }), 413],
  ])('refuses %s with a clear status', async (_label, body, status) => {
    const res = await send(host, '/api/zones.list', { method: 'POST', headers: auth(), body });
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers 404 for an unknown channel and 405 for GET on a channel', async () => {
    expect((await send(host, '/api/zones.drop', { method: 'POST', headers: auth(), body: '{}' })).status).toBe(404);
    expect((await send(host, '/api/zones.list', { headers: auth() })).status).toBe(405);
  });

  it('serves the app with a strict CSP and no inline script allowed', async () => {
    const res = await send(host, '/');
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(host, '/assets/app.js')).headers['content-type']).toContain('javascript');
  });

  it.each(['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%5c..%5cpackage.json', '/%00'])(
    'never serves a file outside the app folder: %s',
    async (path) => {
      const res = await send(host, path);
      expect(res.body).not.toContain('"name": "alliance-workspace"');
    },
  );
});
