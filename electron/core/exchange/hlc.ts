import { AppError } from '../../../shared/errors';

/**
 * A hybrid logical clock: timestamps that follow physical time where the clocks allow, but
 * never go backwards and always order a change after every change it has seen — even when a
 * zone's computer clock is wrong or is set back. Exchanged changes are ordered by them.
 *
 * A timestamp is the string `WWWWWWWWWWWWW.CCCC.N…`:
 *   - W: the wall part, milliseconds since 1970 UTC, zero-padded to 13 digits (up to year 2286);
 *   - C: a counter within that millisecond, zero-padded to 4 digits (0000–9999);
 *   - N: the node id (the installation id), 1–32 of [A-Za-z0-9], so two nodes never coincide.
 * Both numbers have a fixed width and '.' sorts below every digit and letter, so a plain
 * string comparison orders timestamps by (wall, counter, node) — they can be stored and
 * indexed as text.
 */
export interface HlcParts {
  wallMs: number;
  counter: number;
  nodeId: string;
}

export interface Hlc {
  /** A new timestamp, greater than every one issued or received before, and ≥ physical time. */
  tick(): string;
  /** Merges a remote timestamp so the next tick() is greater than it. */
  receive(remote: string): void;
  /** The high-water mark (last issued, or the merge of a received one), to persist and pass back as `last` after a restart; null before the first. */
  last(): string | null;
}

/** How far ahead of our clock a received timestamp may be: beyond a day, the sender's clock is wrong. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

const MAX_WALL_MS = 9_999_999_999_999;
const MAX_COUNTER = 9999;
const HLC_PATTERN = /^(\d{13})\.(\d{4})\.([A-Za-z0-9]{1,32})$/;
const NODE_PATTERN = /^[A-Za-z0-9]{1,32}$/;

export function parseHlc(s: string): HlcParts | null {
  const m = HLC_PATTERN.exec(s);
  if (!m) return null;
  return { wallMs: Number(m[1]), counter: Number(m[2]), nodeId: m[3] as string };
}

export function formatHlc(parts: HlcParts): string {
  const { wallMs, counter, nodeId } = parts;
  if (!Number.isInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL_MS) throw new Error(`hlc: wall time out of range: ${wallMs}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new Error(`hlc: counter out of range: ${counter}`);
  if (!NODE_PATTERN.test(nodeId)) throw new Error(`hlc: invalid node id: ${nodeId}`);
  return `${String(wallMs).padStart(13, '0')}.${String(counter).padStart(4, '0')}.${nodeId}`;
}

/** Orders two well-formed timestamps; the format makes this a plain string comparison. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createHlc(nodeId: string, options: { now?: () => number; last?: string | null } = {}): Hlc {
  if (!NODE_PATTERN.test(nodeId)) throw new Error(`hlc: invalid node id: ${nodeId}`);
  const now = options.now ?? Date.now;
  let wall = 0;
  let counter = 0;
  let issued = false;
  if (options.last != null) {
    const restored = parseHlc(options.last);
    // A persisted watermark we cannot read would silently let timestamps go backwards.
    if (!restored) throw new Error(`hlc: unreadable persisted timestamp: ${options.last}`);
    wall = restored.wallMs;
    counter = restored.counter;
    issued = true;
  }

  const physical = () => Math.floor(now());

  return {
    tick() {
      const pt = physical();
      if (pt > wall) {
        wall = pt;
        counter = 0;
      } else if (counter < MAX_COUNTER) {
        counter++;
      } else {
        // 10,000 timestamps within one millisecond: borrow the next millisecond.
        wall++;
        counter = 0;
      }
      issued = true;
      return formatHlc({ wallMs: wall, counter, nodeId });
    },
    receive(remote: string) {
      const r = parseHlc(remote);
      if (!r) throw new AppError('VALIDATION', '交换包中的时间戳格式不正确，文件可能已损坏或被改动。请让对方重新导出后再导入。');
      if (r.wallMs - physical() > MAX_DRIFT_MS) {
        throw new AppError(
          'VALIDATION',
          '交换包中的时间比本机时间晚了一天以上，不合常理：发送方电脑的日期或时间可能设置错误（也可能是本机时间不准）。请双方核对电脑的日期和时间，由发送方重新导出后再导入。',
        );
      }
      // Only the (wall, counter) order matters: the next tick is strictly greater in it, so it
      // is greater than the remote whatever the node ids.
      if (r.wallMs > wall || (r.wallMs === wall && r.counter > counter)) {
        wall = r.wallMs;
        counter = r.counter;
      }
      issued = true;
    },
    last() {
      return issued ? formatHlc({ wallMs: wall, counter, nodeId }) : null;
    },
  };
}
