/**
 * Enter in a date field confirms the typed date (Ant Design's picker does that itself in its
 * own key handler) and must not also submit the form around it: a clerk who types
 * 2026-03-15 and Enter goes on to the next field, and does not expect a half-filled form to be
 * validated, or a complete one saved. Enter anywhere else in a form still submits it.
 *
 * One listener on the document, for every picker of every form and dialog (portals included):
 * it runs after React's handlers, and only stops the browser's implicit form submission.
 */
export function keepEnterInDatePickers(root: Document = document): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof Element && event.target.closest('.ant-picker')) event.preventDefault();
  };
  root.addEventListener('keydown', onKeyDown);
  return () => root.removeEventListener('keydown', onKeyDown);
}
