import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Alliance Workspace';

/**
 * Where data lives when no `--data` is given: the same folder Electron's `userData` path
 * names, so the desktop app and browser mode on one machine work on the same file.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}
