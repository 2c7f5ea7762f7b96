import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const CRUISER = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Runs the project's real layering rule over a small tree and returns the rule names it reports. */
function violationsIn(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-layers-'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const roots = ['renderer', 'electron', 'shared'].filter((d) => Object.keys(files).some((f) => f.startsWith(d + '/')));
  let out: string;
  try {
    out = execFileSync(process.execPath, [CRUISER, ...roots, '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout; // exits non-zero when it finds violations
  }
  const result = JSON.parse(out) as { summary: { violations: Array<{ rule: { name: string } }> } };
  return result.summary.violations.map((v) => v.rule.name.replace(/-\d+$/, ''));
}

describe('the layering rule', () => {
  it.each([
    ['renderer/a.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;", 'renderer-stays-in-the-browser'],
    ['renderer/b.ts', "import { ipcRenderer } from 'electron'; export const b = ipcRenderer;", 'renderer-stays-in-the-browser'],
    ['renderer/c.ts', "import fs from 'fs'; export const c = fs;", 'renderer-stays-in-the-browser'],
    ['electron/core/d.ts', "import { app } from 'electron'; export const d = app;", 'core-runs-without-electron'],
    ['shared/e.ts', "import { join } from 'node:path'; export const e = join;", 'shared-is-platform-free'],
  ])('reports %s importing what its layer may not', (path, text, rule) => {
    expect(violationsIn({ [path]: text })).toContain(rule);
  }, 30_000);

  it('passes a tree that keeps to its layers', () => {
    expect(
      violationsIn({
        'shared/contract.ts': 'export const channels = ["zones.list"];',
        'renderer/app.ts': "import { channels } from '../shared/contract'; export const app = channels;",
        'electron/core/core.ts': "import { join } from 'node:path'; import { channels } from '../../shared/contract'; export const core = [join, channels];",
      }),
    ).toEqual([]);
  }, 30_000);
});
