// Preview-style reuse on the webview side: the host sends another item's `<main>` (rendered and
// escaped by the host, as the first page was) and this document takes it in place of its own.

/**
 * Replaces the document's `<main>` and `<body data-*>` values. The markup is parsed in an inert
 * document (no script runs, nothing loads there) and then moved in; the CSP still governs it.
 * Returns false (and changes nothing) when either side has no `<main>`.
 */
export function swapMain(main: string, data: Readonly<Record<string, string>>, title: string): boolean {
  const old = document.querySelector('main');
  const next = new DOMParser().parseFromString(main, 'text/html').querySelector('main');
  if (!old || !next) return false;
  for (const [key, value] of Object.entries(data)) document.body.dataset[key] = value;
  document.title = title;
  old.replaceWith(document.adoptNode(next));
  window.scrollTo(0, 0);
  return true;
}
