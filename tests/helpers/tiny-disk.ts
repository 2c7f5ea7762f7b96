import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small file system (tmpfs) for the disk-full and read-only tests, where the machine
 * allows mounting one (root with CAP_SYS_ADMIN, as on this project's CI); null elsewhere.
 */
export interface TinyDisk {
  readonly dir: string;
  /** Fills the disk until only `bytes` are left. */
  fillLeaving(bytes: number): void;
  /** Frees what fillLeaving took. */
  unfill(): void;
  /** Remounts read-only (every file on it must be closed) or read-write. */
  readOnly(on: boolean): void;
  dispose(): void;
}

export function mountTinyDisk(sizeMb: number): TinyDisk | null {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-tinydisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const filler = join(dir, 'filler.bin');
  const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' });
  return {
    dir,
    fillLeaving(bytes) {
      const { bavail, bsize } = statfsSync(dir);
      writeFileSync(filler, Buffer.alloc(Math.max(0, Number(bavail) * Number(bsize) - bytes)));
    },
    unfill() {
      rmSync(filler, { force: true });
    },
    readOnly(on) {
      remount(on ? 'ro' : 'rw');
    },
    dispose() {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Whether this machine lets the tests mount a tmpfs (checked once, mount left at once). */
export const canMountTinyDisk = (() => {
  const probe = mountTinyDisk(1);
  probe?.dispose();
  return probe !== null;
})();
