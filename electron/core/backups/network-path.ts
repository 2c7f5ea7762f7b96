import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * SQLite's write-ahead log needs shared memory between processes, which network file systems do
 * not give: a database on a network drive can be damaged. Backups there are fine; the database
 * is not. Detected from the path (\\server\share) or, on Linux, from the mount table.
 */

const NETWORK_FS = new Set(['nfs', 'nfs4', 'cifs', 'smbfs', 'smb3', 'fuse.sshfs', 'davfs', 'fuse.davfs2', '9p', 'afs', 'ncpfs']);

export function isNetworkPath(path: string, mountTable = readMounts()): boolean {
  if (/^(\\\\|\/\/)[^\\/]/.test(path)) return true;
  const full = resolve(path);
  let best: { point: string; type: string } | null = null;
  for (const m of mountTable) {
    if ((full === m.point || full.startsWith(m.point.endsWith('/') ? m.point : `${m.point}/`)) && (!best || m.point.length > best.point.length)) best = m;
  }
  return best !== null && NETWORK_FS.has(best.type);
}

/** A Chinese warning when `path` is on a network drive (for the database: refused-level advice), else null. */
export function networkPathWarning(path: string, what: '数据' | '备份' = '数据'): string | null {
  if (!isNetworkPath(path)) return null;
  return what === '数据'
    ? `数据文件夹「${path}」位于网络驱动器上。SQLite 数据库放在网络驱动器上可能损坏，请改用本机磁盘，并把备份文件夹设在网络驱动器上。`
    : null;
}

function readMounts(): Array<{ point: string; type: string }> {
  try {
    return readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter((parts) => parts.length >= 3)
      .map((parts) => ({ point: (parts[1] ?? '').replace(/\\040/g, ' '), type: parts[2] ?? '' }));
  } catch {
    return [];
  }
}
