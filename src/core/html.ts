/**
 * HTML that escapes by default. Every webview page is built with the `html` tag: each interpolated
 * value is escaped unless it is already SafeHtml, so forgetting to escape pack or user text is not
 * possible; the compiler rejects a plain string where SafeHtml is expected.
 *
 * SafeHtml is an object, not a branded string: the brand survives at run time, so even a cast
 * (`x as unknown as SafeHtml`) cannot smuggle a string in: the tag would still escape it.
 * The only way to turn arbitrary text into SafeHtml unescaped is trustedHtml(), which ESLint allows
 * in src/core/markdown.ts alone (eslint.config.mjs): the sanitizing Markdown renderer and the
 * build-sanitized diagram SVGs it embeds.
 */

class SafeHtmlValue {
  readonly #html: string;
  constructor(html: string) {
    this.#html = html;
  }
  /** The markup, for the one place that hands it to VS Code (webview.html) and for tests. */
  toString(): string {
    return this.#html;
  }
}

/** Markup that is safe to insert as it is. Made only by `html`, htmlMessage(), joinHtml() and trustedHtml(). */
export type SafeHtml = SafeHtmlValue;

/** What a template may interpolate: text and numbers are escaped, SafeHtml (or a list of it) is inserted. */
export type HtmlValue = SafeHtml | string | number | boolean | readonly SafeHtml[];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function piece(value: HtmlValue): string {
  if (value instanceof SafeHtmlValue) return value.toString();
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

/** The tag: html`<p title="${text}">${markup}</p>`. Only for use in double-quoted attributes and text, never inside <script> or <style>. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += piece(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtmlValue(out);
}

/** SafeHtml pieces with an (escaped) separator between them. */
export function joinHtml(parts: readonly SafeHtml[], separator = ''): SafeHtml {
  return new SafeHtmlValue(parts.map(piece).join(escapeHtml(separator)));
}

/**
 * A translated message whose arguments are markup: `htmlMessage(t('Follow-up to {0}'), html`<button…>`)`.
 * Translate the message without arguments (vscode.l10n.t and identityT leave `{0}` in), so the
 * translation itself is escaped as text and only the SafeHtml arguments are inserted as markup.
 */
export function htmlMessage(message: string, ...args: HtmlValue[]): SafeHtml {
  const parts = message.split(/\{(\d+)\}/);
  let out = '';
  parts.forEach((p, i) => {
    if (i % 2 === 0) out += escapeHtml(p);
    else {
      const arg = args[Number(p)];
      out += arg === undefined ? escapeHtml(`{${p}}`) : piece(arg);
    }
  });
  return new SafeHtmlValue(out);
}

/**
 * Our own stylesheet as a `<style>` element the CSP admits by nonce. The text of a style element
 * is not HTML (entities stay literal), so it is inserted as it is and anything that could end the
 * element or open markup is refused: only the build's own CSS belongs here, never content.
 */
export function styleElement(css: string, nonce: string): SafeHtml {
  if (/<\/?\s*style|<!--|-->/i.test(css)) throw new Error('styleElement: the stylesheet contains markup that would end its <style> element');
  return new SafeHtmlValue(`<style nonce="${escapeHtml(nonce)}">${css}</style>`);
}

/**
 * The one way to insert markup unescaped. Reviewed uses only (ESLint enforces the list): output
 * of the sanitizing Markdown renderer and SVG the content build rendered and sanitized.
 */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtmlValue(markup);
}
