import { AppError } from '../../shared/errors';

/**
 * What to tell the user when the core cannot start. A database that is too new or damaged
 * already carries a complete Chinese message saying what to do; anything else gets a short
 * sentence plus the error's one-line message — never a stack trace (that goes to the log).
 */
export function describeStartupError(error: unknown): { title: string; message: string } {
  if (error instanceof AppError && (error.code === 'DB_TOO_NEW' || error.code === 'DB_CORRUPT')) {
    return { title: '无法打开数据文件', message: error.message };
  }
  if (error instanceof AppError) return { title: '无法启动', message: error.message };
  const detail = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 300) ?? '' : String(error).slice(0, 300);
  const hint = /NODE_MODULE_VERSION|better_sqlite3\.node/.test(detail)
    ? '数据库组件与 Electron 版本不匹配：开发环境请用 npm start 启动（会自动重建该组件）。'
    : '请重试；如仍出现，请联系秘书处。';
  return { title: '无法启动', message: `联盟协同工作台无法启动。${hint}\n（${detail}）` };
}
