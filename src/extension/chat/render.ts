/**
 * What @interviewer writes into the chat. Bank text is Markdown we wrote (or a team pack's): it is
 * shown through safeMarkdown (src/core/safeText.ts: no images, raw HTML or non-http(s) links), so
 * nothing in it can make VS Code fetch or run anything. Model output and the user's words are shown
 * through markdownText, as text, never as Markdown.
 */

export const RATING_NAMES = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;
