import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/domain/record';
import type { Actor } from './records';

export function requireRole(actor: Actor, role: Role, message: string): void {
  if (actor.role !== role) throw new AppError('FORBIDDEN', message);
}

export function staleVersion(current: number): AppError {
  return new AppError('CONFLICT', `该记录已被修改（当前版本 ${current}），您看到的是旧版本。请刷新后再改，未保存任何内容。`);
}
