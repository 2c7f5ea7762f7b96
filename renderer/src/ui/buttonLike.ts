import type { KeyboardEvent } from 'react';

/**
 * Props that make an element (a list row) act as a button: focusable, opened by a click, by
 * Enter and by Space.
 *
 * The key is consumed (preventDefault) on purpose: what it opens — a drawer, a dialog — may
 * take focus while this keydown is still being handled (at once when animations are off), and
 * the browser would then deliver the same Enter as a click to whatever has focus now: the
 * drawer's close button, which closed the drawer as soon as it opened.
 */
export function buttonLike(activate: () => void) {
  return {
    role: 'button' as const,
    tabIndex: 0,
    onClick: activate,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      activate();
    },
  };
}
