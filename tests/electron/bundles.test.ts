import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');

/** Every module a CommonJS bundle still loads at run time. */
function requiredModules(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...new Set([...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]!))].sort();
}

describe('the Electron bundles', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'alliance-bundle-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-electron.mjs'), '--outdir', out], { cwd: ROOT, encoding: 'utf8' });
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('keep package.json "main" pointing at the main bundle', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main).toBe('dist/electron/main.cjs');
  });

  it('load only electron in the sandboxed preload (a sandbox cannot require anything else)', () => {
    expect(requiredModules(join(out, 'preload.cjs'))).toEqual(['electron']);
  });

  it('load only electron, better-sqlite3 and Node built-ins in the main process', () => {
    const allowed = new Set(['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const modules = requiredModules(join(out, 'main.cjs'));
    expect(modules).toContain('better-sqlite3');
    expect(modules.filter((m) => !allowed.has(m))).toEqual([]);
  });

  it('do not rely on import.meta, which is empty in CommonJS', () => {
    expect(readFileSync(join(out, 'main.cjs'), 'utf8')).not.toMatch(/import\.meta|import_meta/);
  });

  it('keep the preload free of Node access: it exposes only window.alliance', () => {
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain('exposeInMainWorld("alliance"');
  });
});
