import { Marked, type Tokens } from 'marked';
import { escapeHtml, trustedHtml, type SafeHtml } from './html';
import { captionPlainText, CAPTION_PREFIX, DIAGRAM_LANG, diagramKey, foldDiagramCaptions, type DiagramCodeToken } from './diagrams';

/**
 * Markdown → HTML for webviews. Content from team packs and user notes is untrusted, so:
 * raw HTML in the source is shown as text (never passed through; comments are dropped), and links keep only http(s)
 * and mailto targets. Anything else (javascript:, command:, data:, vbscript:, file:) is dropped
 * and the link text kept. Images never load (the CSP forbids remote images anyway): their alt text is shown.
 */
const SAFE_URL = /^(https?:|mailto:)/i;

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      // HTML comments (authors' notes, checked numbers) are dropped, not shown as escaped text.
      const rest = token.raw.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
      return rest.trim() === '' ? '' : escapeHtml(rest);
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
    code(token: Tokens.Code): string | false {
      return token.lang?.trim().toLowerCase() === DIAGRAM_LANG ? diagramFigure(token as DiagramCodeToken) : false;
    },
  },
  hooks: { processAllTokens: foldDiagramCaptions },
});

/** Diagram SVGs rendered by the content build (src/build/diagramSvg.ts), by diagramKey of their DOT source. */
let diagrams: Readonly<Record<string, string>> = {};

/** Called with the bundled content's `diagrams` map when it loads; only SVG the build made and sanitized is ever shown. */
export function setDiagrams(map: Readonly<Record<string, string>> | undefined): void {
  diagrams = map ?? {};
}

/** A ```dot fence: its built SVG (or, from a pack the build never saw, its source) in a figure captioned by its "Diagram:" text. */
function diagramFigure(token: DiagramCodeToken): string {
  const caption = token.diagramCaption?.text.replace(CAPTION_PREFIX, '').trim() ?? '';
  const label = escapeHtml(captionPlainText(caption));
  const svg = Object.prototype.hasOwnProperty.call(diagrams, diagramKey(token.text)) ? diagrams[diagramKey(token.text)] : undefined;
  const figcaption = caption ? `<figcaption>${marked.parseInline(caption, { async: false })}</figcaption>` : '';
  if (!svg) return `<figure class="diagram diagram-source"><pre><code class="language-dot">${escapeHtml(token.text)}</code></pre>${figcaption}</figure>\n`;
  const open = svg.indexOf('>') + 1;
  const labelled = `<svg role="img" aria-label="${label}" ${svg.slice(5, open)}<title>${label}</title>${svg.slice(open)}`;
  return `<figure class="diagram">${labelled}${figcaption}</figure>\n`;
}

// trustedHtml: the renderer above escapes raw HTML, drops unsafe links and images, and embeds only SVG the content build sanitized.
export function renderMarkdown(source: string): SafeHtml {
  return trustedHtml(marked.parse(source, { async: false }));
}

/** Inline markdown (a key point, a signal): no wrapping paragraph. */
export function renderInline(source: string): SafeHtml {
  return trustedHtml(marked.parseInline(source, { async: false }));
}
