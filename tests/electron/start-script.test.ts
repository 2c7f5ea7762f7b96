import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const ONE_LINE = /^无法获取 Electron 运行时.*npm run web {2}· Electron runtime unavailable.*npm run web$/;

// An empty folder posing as Electron's dist: the runtime is "missing" even on a machine
// where it happens to be installed, so these tests never launch Electron.
const noRuntime = mkdtempSync(join(tmpdir(), 'alliance-no-electron-'));
afterAll(() => rmSync(noRuntime, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noRuntime, ALLIANCE_START_VERBOSE: '', ...env },
    timeout: 30_000,
  });
  return { ...run, output: `${run.stdout}${run.stderr}`.trim(), seconds: (Date.now() - started) / 1000 };
}

describe('npm start without an Electron runtime', () => {
  it('prints one bilingual line pointing to browser mode and exits 1 when downloads are off', () => {
    const run = start({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(run.status).toBe(1);
    expect(run.output).toMatch(ONE_LINE);
    expect(run.seconds).toBeLessThan(10);
  });

  it('tries the download once and, when it fails, prints the same single line without a stack trace', () => {
    // A mirror on a closed local port and an empty cache: the download fails at once, offline.
    const cache = mkdtempSync(join(tmpdir(), 'alliance-electron-cache-'));
    try {
      const run = start({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, ELECTRON_SKIP_BINARY_DOWNLOAD: '' });
      expect(run.status).toBe(1);
      expect(run.output).toMatch(ONE_LINE);
      expect(run.output).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
