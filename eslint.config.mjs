// @ts-check
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Code that runs in a webview (the browser) must not import Node: not directly, and not through a
// module it shares with the host. Every builtin by name, and anything spelled `node:…`.
const NODE_BUILTINS = {
  paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'Runs in the browser: no Node modules in src/webview or src/shared.' })),
  patterns: [{ group: ['node:*'], message: 'Runs in the browser: no Node modules in src/webview or src/shared.' }],
};
// `import { z }` pulls in every zod locale (+350 KB in the bundle); the namespace import tree-shakes.
const NO_ZOD_NAMED = { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'` (keeps zod's locales out of the bundle)." };
// Webview HTML escapes by default (src/core/html.ts); trustedHtml() inserts markup unescaped, so
// only the reviewed files (the sanitizing Markdown renderer, which also embeds the build-sanitized
// diagram SVGs) may use it. Each file's no-restricted-syntax list below repeats these, because a
// later config replaces a rule's options rather than adding to them.
const TRUSTED_HTML_MESSAGE = 'Build webview HTML with html`…` (src/core/html.ts); trustedHtml() is for src/core/markdown.ts only (sanitized Markdown and diagram SVG).';
const NO_TRUSTED_HTML = [
  { selector: "ImportSpecifier[imported.name='trustedHtml']", message: TRUSTED_HTML_MESSAGE },
  { selector: "ExportSpecifier[local.name='trustedHtml']", message: TRUSTED_HTML_MESSAGE },
  { selector: "MemberExpression[property.name='trustedHtml']", message: TRUSTED_HTML_MESSAGE },
  { selector: "Property[key.name='trustedHtml']", message: TRUSTED_HTML_MESSAGE },
];
// `import * as vscode` makes esbuild wrap the API object in __toESM(), which copies every one of
// its hundreds of properties into a new object: about 1 ms per module in the extension host
// (activation's code load went from 5 to 3 ms without the entry point's two). `import vscode =
// require('vscode')` compiles to a plain require().
const NO_VSCODE_NAMESPACE = { selector: "ImportDeclaration[source.value='vscode'] > ImportNamespaceSpecifier", message: "Use `import vscode = require('vscode')`: the namespace import copies the whole API object at load (see ARCHITECTURE.md)." };
const NO_VSCODE = { name: 'vscode', message: 'src/core, src/cli, src/shared and src/webview are vscode-free: put VS Code code in src/extension.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'content/**', 'bench/tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^vscode$'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      'no-restricted-syntax': ['error', NO_ZOD_NAMED, ...NO_TRUSTED_HTML],
    },
  },
  {
    // Tooltips, comments and hovers render Markdown: only src/extension/safeUi.ts may make one, from sanitized text.
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/safeUi.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_ZOD_NAMED,
        ...NO_TRUSTED_HTML,
        NO_VSCODE_NAMESPACE,
        { selector: "NewExpression[callee.property.name='MarkdownString']", message: 'Use markdownString() from src/extension/safeUi.ts: it takes only sanitized SafeMarkdown (src/core/safeText.ts).' },
        { selector: "NewExpression[callee.name='MarkdownString']", message: 'Use markdownString() from src/extension/safeUi.ts: it takes only sanitized SafeMarkdown (src/core/safeText.ts).' },
      ],
    },
  },
  {
    // Chat renders Markdown: the interviewer writes only through SafeChatStream (SafeMarkdown in, untrusted MarkdownString out).
    files: ['src/extension/chat/**/*.ts'],
    ignores: ['src/extension/chat/safeStream.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_ZOD_NAMED,
        ...NO_TRUSTED_HTML,
        NO_VSCODE_NAMESPACE,
        { selector: "NewExpression[callee.property.name='MarkdownString']", message: 'Use markdownString() from src/extension/safeUi.ts: it takes only sanitized SafeMarkdown (src/core/safeText.ts).' },
        { selector: "TSQualifiedName[right.name='ChatResponseStream']", message: 'Write chat output through SafeChatStream (src/extension/chat/safeStream.ts): SafeMarkdown only.' },
      ],
    },
  },
  {
    // The reviewed users of trustedHtml() (and its definition).
    files: ['src/core/html.ts', 'src/core/markdown.ts'],
    rules: {
      'no-restricted-syntax': ['error', NO_ZOD_NAMED],
    },
  },
  {
    // The core is plain node: it must never import the VS Code API (so it runs in unit tests and the CLI).
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE] }],
    },
  },
  {
    // Webview scripts may use values only from src/webview and src/shared; the host's modules (which
    // may reach Node) only as types, which the bundler erases.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [NO_VSCODE, ...NODE_BUILTINS.paths],
          patterns: [
            ...NODE_BUILTINS.patterns,
            { group: ['**/core', '**/core/**', '**/extension/**', '**/cli/**', '**/build/**'], allowTypeImports: true, message: 'Webview code runs in the browser: import values from src/shared (pure code), and host modules only with `import type`.' },
          ],
        },
      ],
    },
  },
  {
    // src/shared is what both sides bundle: only the language and Intl, nothing from either side.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_VSCODE, ...NODE_BUILTINS.paths],
          patterns: [...NODE_BUILTINS.patterns, { group: ['**/core', '**/core/**', '**/extension/**', '**/webview/**', '**/cli/**', '**/build/**'], message: 'src/shared imports only src/shared: the webviews bundle it.' }],
        },
      ],
    },
  },
  {
    // postMessage takes `unknown`: a webview script sends only through its protocol's typed post(),
    // so a misspelt message type or field fails to compile.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_ZOD_NAMED,
        ...NO_TRUSTED_HTML,
        { selector: "CallExpression[callee.property.name='postMessage']", message: "Send with post() from the panel's module in src/shared/protocol/: it only takes that panel's messages." },
      ],
    },
  },
);
