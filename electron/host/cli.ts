import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/app-core';
import { defaultDataDir } from '../core/data-dir';
import { appVersion, rendererDir } from '../core/app-paths';
import { startHost } from './server';

export const DEFAULT_PORT = 47100;

/** `npm run web [-- --data DIR] [--port N]`: serve the app in a browser on 127.0.0.1. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(`用法: npm run web -- [--data 数据目录] [--port 端口]\n  --data  默认 ${defaultDataDir()}\n  --port  默认 ${DEFAULT_PORT}（0 = 任选空闲端口）`);
    return;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port 应为 0–65535 的整数，收到「${values.port}」`);
  const dataDir = resolve(values.data ?? defaultDataDir());
  const core = createCore({ dataDir, appVersion: appVersion() });
  const host = await startHost({ dispatch: core.dispatchAsync, staticDir: rendererDir(), port }).catch((error: NodeJS.ErrnoException) => {
    core.close();
    if (error.code === 'EADDRINUSE') throw new Error(`端口 ${port} 已被占用：请用 --port 指定其他端口（如 --port 0）。`);
    throw error;
  });
  console.log(`联盟协同工作台 browser mode · 数据 ${dataDir} · 打开 ${host.url}`);
  const stop = () => void host.close().then(() => (core.close(), process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`无法启动：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
