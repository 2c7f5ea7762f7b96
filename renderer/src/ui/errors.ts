import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Shows a failed call where the user looks: field messages under their fields (the form
 * keeps what was typed), and the whole Chinese sentence as a message. A path such as
 * `criteria.1.weight` reaches the second row of a Form.List (list indexes are numbers);
 * `aliases` names the form item of a core field the form edits differently (periodStart →
 * the range picker `period`).
 */
export function showFailure(error: unknown, notify: (text: string) => void, form?: FormInstance, aliases: Record<string, string> = {}): void {
  if (error instanceof ApiError) {
    if (form) {
      const known = new Set(Object.keys(form.getFieldsValue(true) as object));
      const fields = Object.entries(error.fields)
        .map(([path, message]) => [path.replace(/^patch\./, ''), message] as const)
        .map(([path, message]) => [aliases[path] ?? path, message] as const)
        .map(([path, message]) => ({ name: path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [message] }))
        .filter(({ name }) => known.has(String(name[0])));
      if (fields.length > 0) form.setFields(fields);
    }
    notify(error.message);
    return;
  }
  notify(error instanceof Error ? error.message : String(error));
}
