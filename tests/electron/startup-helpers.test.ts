import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingFor } from '../../electron/main/native-binding';
import { desktopPaths } from '../../electron/main/paths';
import { describeStartupError } from '../../electron/main/startup-error';
import { AppError } from '../../shared/errors';

describe('desktopPaths', () => {
  it('finds the preload, renderer and dev native module from the app path', () => {
    expect(desktopPaths('/opt/app/resources/app.asar')).toEqual({
      preload: join('/opt/app/resources/app.asar', 'dist', 'electron', 'preload.cjs'),
      rendererDir: join('/opt/app/resources/app.asar', 'dist', 'renderer'),
      devNativeBinding: join('/opt/app/resources/app.asar', '.cache', 'electron-abi', 'better_sqlite3.node'),
    });
  });
});

describe('nativeBindingFor', () => {
  const devNativeBinding = '/repo/.cache/electron-abi/better_sqlite3.node';

  it('uses the Electron-ABI build kept aside in development', () => {
    expect(nativeBindingFor({ isPackaged: false, devNativeBinding, exists: () => true })).toBe(devNativeBinding);
  });

  it('leaves a packaged app on the module electron-builder rebuilt', () => {
    expect(nativeBindingFor({ isPackaged: true, devNativeBinding, exists: () => true })).toBeUndefined();
  });

  it('falls back to the default lookup when no Electron-ABI build exists', () => {
    expect(nativeBindingFor({ isPackaged: false, devNativeBinding, exists: () => false })).toBeUndefined();
  });
});

describe('describeStartupError', () => {
  it.each([
    ['DB_TOO_NEW', '数据文件由更新版本的联盟协同工作台创建。'],
    ['DB_CORRUPT', '数据文件已损坏。'],
  ] as const)('shows a %s error with its own Chinese message only', (code, message) => {
    expect(describeStartupError(new AppError(code, message))).toEqual({ title: '无法打开数据文件', message });
  });

  it('explains an ABI mismatch in Chinese without the stack trace', () => {
    const error = new Error('The module was compiled against NODE_MODULE_VERSION 115. This version requires NODE_MODULE_VERSION 140.');
    const { message } = describeStartupError(error);
    expect(message).toContain('npm start');
    expect(message).not.toContain(error.stack!.split('\n')[1]!.trim());
  });

  it('keeps only the first line of an unexpected error', () => {
    const { title, message } = describeStartupError(new Error('disk full\n    at open (fs.js:1:1)'));
    expect(title).toBe('无法启动');
    expect(message).toContain('disk full');
    expect(message).not.toContain('fs.js');
  });
});
