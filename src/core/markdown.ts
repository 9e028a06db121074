import { Marked, type Tokens } from 'marked';

/**
 * Markdown → HTML for webviews. Content from team packs and user notes is untrusted, so:
 * raw HTML in the source is shown as text (never passed through), and links keep only http(s)
 * and mailto targets. Anything else (javascript:, command:, data:, vbscript:, file:) is dropped
 * and the link text kept. Images never load (the CSP forbids remote images anyway): their alt text is shown.
 */
const SAFE_URL = /^(https?:|mailto:)/i;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.raw);
    },
    link(token: Tokens.Link): string {
      const inner = this.parser.parseInline(token.tokens);
      const href = token.href.trim();
      if (!SAFE_URL.test(href)) return `<span class="link-removed">${inner}</span>`;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title} class="external-link">${inner}</a>`;
    },
    image(token: Tokens.Image): string {
      return `<span class="image-alt">[image: ${escapeHtml(token.text)}]</span>`;
    },
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}

/** Inline markdown (a key point, a signal): no wrapping paragraph. */
export function renderInline(source: string): string {
  return marked.parseInline(source, { async: false });
}

export { escapeHtml };
