import { shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../../shared/safe-url';
import { APP_ORIGIN, isSameAppOrigin } from './app-origin';

/**
 * Hardening for every web contents the app creates (installed from `web-contents-created`,
 * so nothing escapes it): the page may only ever show our own origin. Links to the web go
 * to the system browser, and only when they pass `isSafeExternalUrl`.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string = APP_ORIGIN): void {
  // A clicked web link leaves the app for the system browser instead of replacing the app.
  contents.on('will-navigate', (event) => {
    if (isSameAppOrigin(event.url, appOrigin)) return;
    event.preventDefault();
    openExternalIfSafe(event.url);
  });
  // Also fires for the main frame (already handled above); it adds the subframes.
  contents.on('will-frame-navigate', (event) => {
    if (!isSameAppOrigin(event.url, appOrigin)) event.preventDefault();
  });
  // A server redirect could otherwise carry an allowed navigation somewhere else.
  contents.on('will-redirect', (event) => {
    if (!isSameAppOrigin(event.url, appOrigin)) event.preventDefault();
  });
  // No new windows at all: the app is one window, and a second one would escape these rules.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
  // The app uses no <webview>; refusing them here means a compromised page cannot add one.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Only what the app's own page uses: desktop notifications (event reminders) and full screen
 * (the projector view). No camera, microphone, location, clipboard, USB, HID or the like, and
 * nothing for any other origin.
 */
const GRANTED: ReadonlySet<string> = new Set(['notifications', 'fullscreen']);

export function restrictPermissions(session: Session, appOrigin: string = APP_ORIGIN): void {
  const ours = (url: string | undefined) => typeof url === 'string' && isSameAppOrigin(url, appOrigin);
  session.setPermissionRequestHandler((contents, permission, callback, details) => callback(GRANTED.has(permission) && ours(details?.requestingUrl ?? contents?.getURL())));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => GRANTED.has(permission) && ours(requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

/** Hands a URL to the system browser only if it is a plain https link to a normal host. */
export function openExternalIfSafe(url: unknown): boolean {
  if (typeof url !== 'string' || !isSafeExternalUrl(url)) return false;
  shell.openExternal(url).catch((error: unknown) => console.error('openExternal failed', error));
  return true;
}
