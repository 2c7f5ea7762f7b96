import { Fragment, type ReactElement } from 'react';

/** Marks every occurrence of the search terms in `text` (case-insensitive), as the core matched them. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const words = terms.filter((t) => t.length > 0);
  if (words.length === 0) return <>{text}</>;
  const lower = text.toLowerCase();
  const marks: Array<[number, number]> = [];
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) marks.push([at, at + word.length]);
  }
  if (marks.length === 0) return <>{text}</>;
  marks.sort((a, b) => a[0] - b[0]);
  const parts: ReactElement[] = [];
  let cursor = 0;
  for (const [start, end] of marks) {
    if (start < cursor) continue;
    parts.push(<Fragment key={`t${start}`}>{text.slice(cursor, start)}</Fragment>);
    parts.push(<mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    cursor = end;
  }
  parts.push(<Fragment key="rest">{text.slice(cursor)}</Fragment>);
  return <>{parts}</>;
}
