/**
 * The desktop app serves its renderer from a custom privileged scheme instead of `file://`:
 * a `file://` page shares its origin with every other local file, while `app://alliance`
 * is an origin only our own bundle can have. Navigation, IPC and the CSP all key on it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'alliance';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `raw` is a page of the given app origin. Chromium hands us canonical URLs, so an
 * exact prefix match is both sufficient and strict: `app://alliance.evil/`,
 * `app://alliance@evil/`, `app://alliance:1/`, other schemes and anything with spaces or
 * control characters are refused.
 */
export function isSameAppOrigin(raw: unknown, appOrigin: string = APP_ORIGIN): boolean {
  if (typeof raw !== 'string' || raw.length > 8192) return false;
  if (/[\s\u0000-\u001f\u007f\\]/.test(raw)) return false;
  if (raw !== appOrigin && !raw.startsWith(`${appOrigin}/`)) return false;
  try {
    const url = new URL(raw);
    const origin = new URL(appOrigin);
    return url.protocol === origin.protocol && url.host === origin.host && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
