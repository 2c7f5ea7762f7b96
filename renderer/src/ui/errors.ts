import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Shows a failed call where the user looks: field messages under their fields (the form
 * keeps what was typed), and the whole Chinese sentence as a message.
 */
export function showFailure(error: unknown, notify: (text: string) => void, form?: FormInstance): void {
  if (error instanceof ApiError) {
    if (form) {
      const known = new Set(Object.keys(form.getFieldsValue(true) as object));
      const fields = Object.entries(error.fields)
        .map(([path, message]) => [path.replace(/^patch\./, ''), message] as const)
        .map(([path, message]) => ({ name: path.split('.'), errors: [message] }))
        .filter(({ name }) => known.has(name[0]!));
      if (fields.length > 0) form.setFields(fields);
    }
    notify(error.message);
    return;
  }
  notify(error instanceof Error ? error.message : String(error));
}
