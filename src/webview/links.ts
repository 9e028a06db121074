/**
 * Wires the links every panel renders: `[data-open]` buttons open a question or work sample, and
 * further-reading links go to the host, which opens only http(s) addresses in the browser.
 */
export function wireLinks(post: (message: { type: 'openQuestion'; id: string } | { type: 'openExternal'; url: string }) => void): void {
  document.querySelectorAll<HTMLButtonElement>('[data-open]').forEach((b) => b.addEventListener('click', () => post({ type: 'openQuestion', id: b.dataset.open ?? '' })));
  document.querySelectorAll<HTMLAnchorElement>('a.external-link').forEach((a) =>
    a.addEventListener('click', (e) => {
      // Stopped here, so VS Code's own link handler (window-level) never opens it as well: the host
      // asks the user to confirm the address, and Cancel then really cancels.
      e.preventDefault();
      e.stopImmediatePropagation();
      e.stopPropagation();
      post({ type: 'openExternal', url: a.href });
    }),
  );
}
