// `npm start`: the desktop app in development.
//
// 1. Find the Electron runtime (downloading it once, with a time limit, if it is missing).
//    This comes first so a machine that cannot run Electron learns so in a second, not
//    after a full build.
// 2. Build the renderer and the main/preload bundles.
// 3. Make sure a better_sqlite3.node built for Electron's ABI exists in .cache/electron-abi/.
//    It is built in a temporary copy of the package: node_modules keeps Node's build, so
//    `npm test` still works after `npm start`.
// 4. Run Electron on the project directory.
//
// Any step that cannot be done prints ONE line (Chinese, then English) and exits 1: the
// fallback is browser mode. ALLIANCE_START_VERBOSE=1 also prints the underlying output.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const verbose = process.env.ALLIANCE_START_VERBOSE === '1';

const RUNTIME_UNAVAILABLE =
  '无法获取 Electron 运行时（需要联网下载，且需 Node ≥ 22.12）。请改用浏览器模式：npm run web  · Electron runtime unavailable (download needs network and Node >= 22.12); use browser mode: npm run web';
const NATIVE_UNAVAILABLE =
  '无法为 Electron 构建数据库组件 better-sqlite3（需要联网下载 Electron 头文件或预编译包）。请改用浏览器模式：npm run web  · Could not build better-sqlite3 for Electron (needs network for headers or a prebuilt binary); use browser mode: npm run web';
const BUILD_FAILED = '构建失败（见上方输出）。 · Build failed (see the output above).';

const SECOND = 1000;
const DOWNLOAD_TIMEOUT = Number(process.env.ALLIANCE_ELECTRON_DOWNLOAD_TIMEOUT_S ?? 120) * SECOND;
const PREBUILT_TIMEOUT = 60 * SECOND;
const COMPILE_TIMEOUT = 10 * 60 * SECOND;

/** A failure whose message is the one line the user sees. */
class StartError extends Error {
  constructor(line, detail = '') {
    super(line);
    this.detail = detail;
  }
}

async function main() {
  const electron = await ensureElectronRuntime();
  buildApp();
  await ensureElectronNativeBinding(electron);
  launch(electron.binary);
}

// ── 1. Electron runtime ────────────────────────────────────────────────────────────────

async function ensureElectronRuntime() {
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json'));
  } catch {
    throw new StartError(RUNTIME_UNAVAILABLE, 'node_modules/electron is not installed');
  }
  const version = readJson(join(electronDir, 'package.json')).version;
  if (!installedBinary(electronDir)) {
    // ELECTRON_SKIP_BINARY_DOWNLOAD is Electron's own switch for "never download".
    if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) throw new StartError(RUNTIME_UNAVAILABLE, 'ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    const run = await runQuietly(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      timeoutMs: DOWNLOAD_TIMEOUT,
      announce: `正在下载 Electron ${version} 运行时（最多 ${DOWNLOAD_TIMEOUT / SECOND} 秒）… · Downloading the Electron ${version} runtime…`,
    });
    if (!installedBinary(electronDir)) throw new StartError(RUNTIME_UNAVAILABLE, run.output);
  }
  // Only now: electron's index.js starts a download of its own when the binary is missing.
  const binary = require('electron');
  if (typeof binary !== 'string' || !existsSync(binary)) throw new StartError(RUNTIME_UNAVAILABLE, `not found: ${binary}`);
  return { binary, version, dir: electronDir };
}

/** Mirrors node_modules/electron/index.js without its side effect of downloading. */
function installedBinary(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : override ? 'electron' : null;
  if (!relative) return null;
  const full = join(override || join(electronDir, 'dist'), relative);
  return existsSync(full) ? full : null;
}

// ── 2. Build ───────────────────────────────────────────────────────────────────────────

function buildApp() {
  runNpm(['run', 'build:renderer', '--', '--logLevel', 'warn']);
  runOrFail(process.execPath, [join(root, 'scripts', 'build-electron.mjs')]);
}

function runNpm(args) {
  // Under `npm start`, npm_execpath is npm's own CLI: no PATH or .cmd lookup (Windows) needed.
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.(c|m)?js$/.test(npmCli)) runOrFail(process.execPath, [npmCli, ...args]);
  else runOrFail(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, process.platform === 'win32');
}

function runOrFail(command, args, shell = false) {
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell });
  if (run.status !== 0) throw new StartError(BUILD_FAILED, String(run.error ?? ''));
}

// ── 3. better-sqlite3 for Electron's ABI ───────────────────────────────────────────────

async function ensureElectronNativeBinding(electron) {
  const electronVersion = electron.version;
  const outDir = join(root, '.cache', 'electron-abi');
  const target = join(outDir, 'better_sqlite3.node');
  const stampFile = join(outDir, 'stamp.json');
  const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
  const stamp = JSON.stringify({
    electron: electronVersion,
    betterSqlite3: readJson(join(packageDir, 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  });
  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && isBuiltForElectron(target, electron.dir)) return target;

  const work = mkdtempSync(join(tmpdir(), 'alliance-electron-abi-'));
  try {
    // A copy without build/ (Node's binary): node_modules/better-sqlite3 is never touched.
    const copy = join(work, 'better-sqlite3');
    const ownBuild = join(packageDir, 'build');
    cpSync(packageDir, copy, { recursive: true, filter: (src) => src !== ownBuild && !src.startsWith(ownBuild + sep) });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    const attempts = [];
    attempts.push(await fetchPrebuilt(copy, electronVersion));
    if (!existsSync(built)) attempts.push(await compileWithNodeGyp(copy, electronVersion));
    if (!existsSync(built) || !isBuiltForElectron(built, electron.dir)) throw new StartError(NATIVE_UNAVAILABLE, attempts.join('\n'));
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, target);
    writeFileSync(stampFile, stamp);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** better-sqlite3 publishes Electron builds on GitHub: the quick path when online. */
async function fetchPrebuilt(dir, electronVersion) {
  const bin = require.resolve('prebuild-install/bin.js');
  const args = [bin, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform];
  const run = await runQuietly(process.execPath, args, { cwd: dir, timeoutMs: PREBUILT_TIMEOUT, env: nativeBuildEnv() });
  return `prebuild-install: ${run.output}`;
}

/** The slow path: compile against Electron's headers with npm's own node-gyp. */
async function compileWithNodeGyp(dir, electronVersion) {
  const gyp = nodeGypScript();
  if (!gyp) return 'node-gyp: not found (run through `npm start` so npm provides it)';
  const args = [gyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'];
  const run = await runQuietly(process.execPath, args, {
    cwd: dir,
    timeoutMs: COMPILE_TIMEOUT,
    env: nativeBuildEnv(),
    announce: '正在为 Electron 编译 better-sqlite3（约 2 分钟，只需一次）… · Compiling better-sqlite3 for Electron (about 2 minutes, once)…',
  });
  return `node-gyp: ${run.output}`;
}

/**
 * npm hands its configuration to child processes as npm_config_*. Some of it would silently
 * turn an Electron build into a Node build: `nodedir` (set on machines that build offline
 * against the system's Node headers), `target`, `runtime`, `build_from_source`…
 */
function nativeBuildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|arch|platform|dist_?url|devdir|build_from_source|libc)$/i.test(key)) delete env[key];
  }
  return env;
}

/**
 * Proof, not trust: Node must refuse to load the file, naming Electron's ABI. A file that
 * loads in Node was built for Node and would crash the app at start-up.
 */
function isBuiltForElectron(file, electronDir) {
  const abiFile = join(electronDir, 'abi_version');
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null;
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], { encoding: 'utf8', timeout: 20 * SECOND });
  if (probe.status === 0) return false;
  return abi ? probe.stderr.includes(`NODE_MODULE_VERSION ${abi}.`) : true;
}

function nodeGypScript() {
  const candidates = [process.env.npm_config_node_gyp];
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

// ── 4. Launch ──────────────────────────────────────────────────────────────────────────

function launch(binary) {
  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => fail(new StartError(RUNTIME_UNAVAILABLE, String(error))));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// ── helpers ────────────────────────────────────────────────────────────────────────────

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Runs a child with its output captured (shown only with ALLIANCE_START_VERBOSE=1), killed
 * after `timeoutMs`. If it is still running after 3 s, one line says what is happening.
 */
function runQuietly(command, args, { cwd, timeoutMs, announce, env = process.env }) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const announcer = announce ? setTimeout(() => console.log(announce), 3 * SECOND) : null;
    const killer = setTimeout(() => {
      output += `\n(timed out after ${timeoutMs / SECOND} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    const done = (status) => {
      clearTimeout(killer);
      if (announcer) clearTimeout(announcer);
      resolve({ status, output: output.trim() });
    };
    child.on('error', (error) => done((output += String(error), -1)));
    child.on('close', (code) => done(code ?? -1));
  });
}

function fail(error) {
  if (error instanceof StartError) {
    console.error(error.message);
    if (verbose && error.detail) console.error(error.detail);
  } else {
    console.error(`启动失败：${error instanceof Error ? error.message : String(error)} · npm start failed`);
  }
  process.exit(1);
}

main().catch(fail);
