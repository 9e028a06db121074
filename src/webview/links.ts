import type { LinkMessage } from '../shared/protocol/common';

type OpenQuestion = Extract<LinkMessage, { type: 'openQuestion' }>;
type OpenExternal = Extract<LinkMessage, { type: 'openExternal' }>;

/** `[data-open]` buttons open a question, work sample, case study or design loop. */
export function wireOpenButtons(post: (message: OpenQuestion) => void): void {
  document.querySelectorAll<HTMLButtonElement>('[data-open]').forEach((b) => b.addEventListener('click', () => post({ type: 'openQuestion', id: b.dataset.open ?? '' })));
}

/** Further-reading links go to the host, which opens only http(s) addresses, after the user confirms. */
export function wireExternalLinks(post: (message: OpenExternal) => void): void {
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

/** Both kinds of link, for the panels that render both. */
export function wireLinks(post: (message: LinkMessage) => void): void {
  wireOpenButtons(post);
  wireExternalLinks(post);
}
