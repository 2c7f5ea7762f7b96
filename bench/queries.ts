import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface QueryClass {
  id: string;
  label: string;
  queries: string[];
}

const QUERIES_FILE = fileURLToPath(new URL('./queries.json', import.meta.url));

/** The fixed query set (bench/queries.json), checked so a typo fails loudly, not silently. */
export function loadQueryClasses(): QueryClass[] {
  const parsed = JSON.parse(readFileSync(QUERIES_FILE, 'utf8')) as { classes?: unknown };
  if (!Array.isArray(parsed.classes)) throw new Error('bench/queries.json: "classes" must be a list');
  return parsed.classes.map((entry, i) => {
    const c = entry as Partial<QueryClass>;
    if (typeof c.id !== 'string' || typeof c.label !== 'string' || !Array.isArray(c.queries) || c.queries.length === 0 || !c.queries.every((q) => typeof q === 'string' && q.trim() !== '')) {
      throw new Error(`bench/queries.json: class #${i + 1} needs an id, a label and non-empty queries`);
    }
    return { id: c.id, label: c.label, queries: c.queries };
  });
}
