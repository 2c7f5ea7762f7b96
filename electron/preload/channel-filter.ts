import type { Result } from '../../shared/errors';

/** Contract channel names look like `zones.list`: anything else never reaches IPC. */
const CHANNEL_PATTERN = /^[a-z][a-zA-Z]*\.[a-zA-Z]+$/;

export function isAllowedChannel(channel: unknown): channel is string {
  return typeof channel === 'string' && channel.length <= 64 && CHANNEL_PATTERN.test(channel);
}

/** The envelope for a name that is not a channel, so callers handle one shape only. */
export function refusedChannel(channel: unknown): Result<never> {
  const shown = typeof channel === 'string' ? channel.slice(0, 60) : typeof channel;
  return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的操作：${shown}` } };
}

/** IPC itself failed (no handler, uncloneable input): still an envelope, never a raw Error. */
export function failedInvoke(): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message: '操作未完成：应用内部通信失败，数据未改动。请重试；如仍出现，请重启应用。' } };
}
