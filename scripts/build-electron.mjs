// `npm run build:electron`: bundles the main process and the preload into dist/electron/.
// Both are CommonJS: Electron's sandboxed preload cannot be an ES module, and one format for
// both keeps it simple. electron and better-sqlite3 stay external: Electron provides the first,
// the second is a native module that must be loaded from node_modules (rebuilt per ABI).
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// --outdir lets the tests inspect fresh bundles without touching dist/.
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = values.outdir ? resolve(values.outdir) : join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
  absWorkingDir: root,
  sourcemap: 'linked',
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'silent',
};

const targets = [
  { entryPoints: ['electron/main/index.ts'], outfile: join(outdir, 'main.cjs') },
  { entryPoints: ['electron/preload/index.ts'], outfile: join(outdir, 'preload.cjs') },
  // Spreadsheet parsing runs in a worker thread (electron/core/excel/worker-client.ts loads this).
  { entryPoints: ['electron/core/excel/excel-worker.ts'], outfile: join(outdir, 'excel-worker.cjs') },
];

try {
  const results = await Promise.all(targets.map((t) => build({ ...common, ...t })));
  // Warnings here are real bugs in a bundle (e.g. `import.meta.url` is empty in CommonJS).
  const warnings = results.flatMap((r) => r.warnings);
  if (warnings.length > 0) {
    for (const w of warnings) console.error(`${w.location?.file ?? ''}:${w.location?.line ?? ''} ${w.text}`);
    console.error('构建 Electron 主进程失败：打包时出现警告（见上）。 · Electron bundle has warnings (see above).');
    process.exit(1);
  }
  console.log(`Electron 主进程与预加载脚本已打包 · built main.cjs and preload.cjs in ${outdir}`);
} catch (error) {
  for (const e of error.errors ?? []) console.error(`${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`);
  console.error('构建 Electron 主进程失败（见上）。 · Electron bundle failed (see above).');
  process.exit(1);
}
