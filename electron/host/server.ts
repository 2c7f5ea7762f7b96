import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeContract } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Result } from '../../shared/errors';
import type { AsyncDispatch } from '../core/dispatcher';
import { readStatic } from './static-files';

export interface HostOptions {
  dispatch: AsyncDispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed only in tests; a fresh random token otherwise. */
  token?: string;
}

export interface Host {
  port: number;
  token: string;
  /** The address to open, token included (in the fragment, so it never reaches logs or referrers). */
  url: string;
  close(): Promise<void>;
}

// Large enough for one 10 MB attachment as base64 in JSON; anything bigger is refused unread.
// A 20 MB spreadsheet as base64 (~27 MB) plus the JSON around it.
const MAX_BODY_BYTES = 28 * 1024 * 1024;
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Browser mode: the renderer and the contract over HTTP on 127.0.0.1 only. Every API call
 * needs the per-run token; a foreign Host or Origin (DNS rebinding, another site's page)
 * is refused before anything runs.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer((req, res) => {
    handle(req, res).catch(() => sendJson(res, 500, failure('INTERNAL', '内部错误')));
  });
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLocalOrigin(req, port)) return sendJson(res, 403, failure('FORBIDDEN', '拒绝访问：请求不是来自本机的联盟协同工作台页面。'));
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith('/api/')) return serveStatic(req, res, path);
    if (!hasToken(req, token)) return sendJson(res, 401, failure('FORBIDDEN', '缺少或错误的访问令牌：请使用启动时打印的完整地址打开。'));
    if (path === '/api/contract' && req.method === 'GET') return sendJson(res, 200, { ok: true, value: describeContract() });
    if (req.method !== 'POST') return sendJson(res, 405, failure('VALIDATION', '接口只接受 POST 请求。'));
    const body = await readBody(req);
    if (body === 'too-large') return sendJson(res, 413, failure('VALIDATION', '请求内容过大。'));
    let input: unknown = undefined;
    if (body.length > 0) {
      try {
        input = JSON.parse(body);
      } catch {
        return sendJson(res, 400, failure('VALIDATION', '请求内容不是有效的 JSON。'));
      }
    }
    const result = await options.dispatch(decodeURIComponent(path.slice('/api/'.length)), input);
    sendJson(res, !result.ok && result.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200, result);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('VALIDATION', '不支持的请求方法。'));
    const file = await readStatic(options.staticDir, path);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('页面文件不存在：请先运行 npm run build:renderer');
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isLocalOrigin(req: IncomingMessage, port: number): boolean {
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowed.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowed.some((a) => origin === `http://${a}`);
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads the JSON body; past the limit it keeps draining (so the client gets the 413) but stores nothing. */
function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function failure(code: 'FORBIDDEN' | 'VALIDATION' | 'INTERNAL', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}
