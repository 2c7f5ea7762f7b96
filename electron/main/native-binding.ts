import { existsSync } from 'node:fs';

/**
 * Which better_sqlite3.node the core should load under Electron. Packaged builds get
 * better-sqlite3 rebuilt for Electron by electron-builder (`npmRebuild`), so the default
 * lookup is right. In development node_modules holds Node's build (the tests need it), and
 * `npm start` keeps an Electron-ABI copy aside; without it the load would fail with an ABI
 * mismatch, so a missing copy is left to that error rather than guessed around.
 */
export function nativeBindingFor(options: { isPackaged: boolean; devNativeBinding: string; exists?: (path: string) => boolean }): string | undefined {
  if (options.isPackaged) return undefined;
  const exists = options.exists ?? existsSync;
  return exists(options.devNativeBinding) ? options.devNativeBinding : undefined;
}
