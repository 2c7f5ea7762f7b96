import { useEffect, useState } from 'react';
import type { SheetProgress } from '../../../../shared/domain/spreadsheet';
import { useApp } from '../../app/AppContext';

const POLL_MS = 400;

/** A fresh name for one preview or import, to ask excel.progress how far it is. */
export function newTaskId(): string {
  return `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * How far the core is with the task (reading the file, checking or writing rows), asked a
 * few times a second while `taskId` is set; the core answers while its worker does the rows.
 */
export function useImportProgress(taskId: string | null): SheetProgress | null {
  const { api } = useApp();
  const [progress, setProgress] = useState<SheetProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!taskId) return;
    let stopped = false;
    const poll = () => {
      api.call('excel.progress', { taskId }).then(
        (p) => {
          if (!stopped) setProgress(p);
        },
        () => {}, // a missed poll is not an error: the next one asks again
      );
    };
    const timer = setInterval(poll, POLL_MS);
    poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, taskId]);
  return progress;
}
