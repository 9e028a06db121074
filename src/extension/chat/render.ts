/**
 * What @interviewer writes into the chat. Bank text is Markdown we wrote (or a team pack's): it is
 * shown without images, raw HTML or non-http(s) links, so nothing in it can make VS Code fetch or
 * run anything. Model output and the user's words are shown as text, never as Markdown.
 */

export const RATING_NAMES = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;

/** Escapes Markdown so the text shows as written. */
export function asText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, '  \n');
}

/** Bank Markdown with images, raw HTML and non-web links removed (their text kept). */
export function bankMarkdown(md: string): string {
  return md
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/\[([^\]]*)\]\(\s*(?!https?:)[^)]*\)/gi, '$1');
}
