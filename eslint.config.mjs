// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'content/**', 'bench/tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      // `import { z }` pulls in every zod locale (+350 KB in the bundle); the namespace import tree-shakes.
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'` (keeps zod's locales out of the bundle)." }],
    },
  },
  {
    // Tooltips, comments and hovers render Markdown: only src/extension/safeUi.ts may make one, from sanitized text.
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/safeUi.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'` (keeps zod's locales out of the bundle)." },
        { selector: "NewExpression[callee.property.name='MarkdownString']", message: 'Use markdownString() from src/extension/safeUi.ts: it takes only sanitized SafeMarkdown (src/core/safeText.ts).' },
        { selector: "NewExpression[callee.name='MarkdownString']", message: 'Use markdownString() from src/extension/safeUi.ts: it takes only sanitized SafeMarkdown (src/core/safeText.ts).' },
      ],
    },
  },
  {
    // The core is plain node: it must never import the VS Code API (so it runs in unit tests and the CLI).
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core, src/cli and src/webview are vscode-free: put VS Code code in src/extension.' }] }],
    },
  },
  {
    // postMessage takes `unknown`: a webview script sends only through its protocol's typed post(),
    // so a misspelt message type or field fails to compile.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'` (keeps zod's locales out of the bundle)." },
        { selector: "CallExpression[callee.property.name='postMessage']", message: "Send with post() from the panel's module in src/core/protocol/: it only takes that panel's messages." },
      ],
    },
  },
);
