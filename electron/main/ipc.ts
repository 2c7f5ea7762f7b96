import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { AsyncDispatch } from '../core/dispatcher';
import { APP_ORIGIN, isSameAppOrigin } from './app-origin';

export const FORBIDDEN_RESULT: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝访问：请求不是来自本应用的页面。' },
};

/** Whether a sending frame's URL is one of our own pages (never `file://`, `about:` or the web). */
export function isTrustedSenderUrl(url: unknown, appOrigin: string = APP_ORIGIN): boolean {
  return isSameAppOrigin(url, appOrigin);
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * An IPC call is served only from the main frame of one of our windows showing our own
 * origin. A subframe, a page that navigated elsewhere or a frame already gone is refused.
 */
export function isTrustedSender(event: SenderEvent, isAppWindow: (contents: WebContents) => boolean, appOrigin: string = APP_ORIGIN): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!isAppWindow(event.sender)) return false;
    return isTrustedSenderUrl(frame.url, appOrigin);
  } catch {
    // Electron throws when a frame was disposed before it could be read: refuse, never crash.
    return false;
  }
}

/**
 * Every contract channel, registered in one loop so none can be forgotten or added beside
 * the contract. The dispatcher validates each input; this layer only checks who is asking.
 */
export function registerIpc(dispatch: AsyncDispatch, isAppWindow: (contents: WebContents) => boolean): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, (event, input: unknown) => (isTrustedSender(event, isAppWindow) ? dispatch(name, input) : FORBIDDEN_RESULT));
  }
}
