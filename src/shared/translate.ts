/**
 * Translation hook for the vscode-free renderers. The extension passes a wrapper around
 * `vscode.l10n.t`; tests and the CLI get `identityT`, which yields the English text.
 *
 * Messages are the English strings themselves (they are the keys of l10n/bundle.l10n.json), with
 * `{0}`, `{1}` … standing for the arguments. scripts/l10n-export.mjs collects the messages, so the
 * first argument must always be a string literal, never a variable or a concatenation.
 */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** English: substitutes `{0}`, `{1}` … like `vscode.l10n.t` does, and leaves other braces alone. */
export const identityT: Translate = (message, ...args) =>
  args.length === 0 ? message : message.replace(/\{(\d+)\}/g, (match, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : match));
