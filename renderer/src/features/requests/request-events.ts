/**
 * "Requests changed" within this window: the request form, the booking calendar and the
 * requests page live in different parts of the screen, and each reloads when another changes
 * something, without the page that hosts them having to wire them together.
 */
const target = new EventTarget();
const CHANGED = 'requests-changed';

export function announceRequestsChanged(): void {
  target.dispatchEvent(new Event(CHANGED));
}

export function onRequestsChanged(listener: () => void): () => void {
  target.addEventListener(CHANGED, listener);
  return () => target.removeEventListener(CHANGED, listener);
}
