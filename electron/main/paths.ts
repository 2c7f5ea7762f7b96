import { join } from 'node:path';

/**
 * Where the desktop app's files are, from `app.getAppPath()`: the project directory under
 * `electron .` and the `app.asar` archive when packaged. The bundled main process cannot
 * use the core's `import.meta.url`-based paths, so it derives everything from here.
 */
export function desktopPaths(appPath: string): { preload: string; rendererDir: string; devNativeBinding: string } {
  return {
    preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
    rendererDir: join(appPath, 'dist', 'renderer'),
    // Built by `npm start` for Electron's ABI; node_modules keeps Node's build for the tests.
    devNativeBinding: join(appPath, '.cache', 'electron-abi', 'better_sqlite3.node'),
  };
}
