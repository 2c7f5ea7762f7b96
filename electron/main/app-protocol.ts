import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { readStatic } from '../host/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * `app://` must be declared before the app is ready: `standard` makes relative asset URLs
 * and `'self'` in the CSP work like on the web, `secure` makes the page a secure context.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer at `app://alliance/…`. Call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request, rendererDir));
}

/**
 * One renderer file with the CSP as a real header (the `<meta>` copy in index.html cannot
 * express `frame-ancestors`). Path resolution is the browser host's, which refuses anything
 * that escapes the renderer directory; unknown paths fall back to index.html.
 */
export async function rendererResponse(request: { url: string; method: string }, rendererDir: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const file = await readStatic(rendererDir, url.pathname);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      'Content-Type': file.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}
