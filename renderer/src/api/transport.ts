import type { AllianceBridge } from '../../../shared/bridge';
import type { Result } from '../../../shared/errors';

/** Sends one contract call and returns its result envelope. */
export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** Desktop: Electron IPC through the preload bridge. */
export function ipcTransport(bridge: AllianceBridge): Transport {
  return async (channel, input) => (await bridge.invoke(channel, input)) as Result<unknown>;
}

/** Browser mode: the same channels as `POST /api/<channel>` with the per-run token. */
export function httpTransport(token: string | null): Transport {
  return async (channel, input) => {
    let response: Response;
    try {
      response = await fetch(`./api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接本机服务：请确认 npm run web 仍在运行。' } };
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `本机服务返回了无法识别的内容（HTTP ${response.status}）。` } };
    }
  };
}
