import type { SheetProgress } from '../../../shared/domain/spreadsheet';

/**
 * How far each running import is, by the task id its caller chose, for the excel.progress
 * channel to answer while the worker works. A finished task is kept a minute (the last poll
 * sees 'done'); at most a few dozen are kept at all.
 */

const KEEP_DONE_MS = 60_000;
const MAX_TASKS = 50;
const tasks = new Map<string, SheetProgress & { at: number }>();

export function reportProgress(taskId: string | undefined, progress: SheetProgress): void {
  if (!taskId) return;
  tasks.delete(taskId); // re-inserted last: the map's order is its age
  tasks.set(taskId, { ...progress, at: Date.now() });
  for (const key of tasks.keys()) {
    if (tasks.size <= MAX_TASKS) break;
    tasks.delete(key);
  }
}

export function finishProgress(taskId: string | undefined): void {
  const current = taskId ? tasks.get(taskId) : undefined;
  if (taskId && current) reportProgress(taskId, { phase: 'done', done: current.total, total: current.total });
}

export function readProgress(taskId: string): SheetProgress | null {
  const found = tasks.get(taskId);
  if (!found) return null;
  if (found.phase === 'done' && Date.now() - found.at > KEEP_DONE_MS) {
    tasks.delete(taskId);
    return null;
  }
  return { phase: found.phase, done: found.done, total: found.total };
}
