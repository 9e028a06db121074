// The extension's entry point, kept tiny on purpose: it registers commands, the Topics view and
// the panel serializers with handlers that load the real implementation (dist/app.js: zod, marked,
// minisearch, ts-fsrs and our core) on first use, or once the window is idle. Activation then costs
// about as much as an empty extension's; the ~500 KB of the app is parsed off the startup path.
import vscode = require('vscode');
import type { App, ExtensionApi } from './app';
import { COMMANDS } from './commandIds';
import { VIEW_TYPES } from './viewTypes';

/** True once the Topics view found the bank empty: its welcome text switches from loading to empty-bank. */
const BANK_EMPTY = 'interviewPractice.bankEmpty';

export function activate(context: vscode.ExtensionContext): { ready(): Promise<ExtensionApi> } | undefined {
  let app: Promise<App> | undefined;
  const treeChanged = new vscode.EventEmitter<unknown>();
  const load = (): Promise<App> =>
    (app ??= Promise.resolve().then(() => {
      // Resolved at run time next to this file; esbuild leaves it out of this bundle.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createApp } = require('./app.js') as typeof import('./app');
      const created = createApp(context);
      context.subscriptions.push(created.tree.onDidChangeTreeData((e) => treeChanged.fire(e)));
      return created;
    }));

  const tree: vscode.TreeDataProvider<unknown> = {
    onDidChangeTreeData: treeChanged.event,
    getChildren: async (node) => {
      const children = await (await load()).tree.getChildren(node as never);
      // The view says "Loading…" until the bank is read, and "no questions are loaded" only when it
      // really holds none (package.json viewsWelcome keys on this), never while rows are on their way.
      if (!node) void vscode.commands.executeCommand('setContext', BANK_EMPTY, children.length === 0);
      return children;
    },
    getTreeItem: async (node) => (await load()).tree.getTreeItem(node as never),
  };
  // Idle: load the app, then (in a later task, not one long one) warm what the first question panel uses.
  let warm: NodeJS.Timeout | undefined;
  const idle = setTimeout(() => void load().then((a) => (warm = setTimeout(() => a.warmUp(), 50))), 1500);
  // The Topics view and the panel serializers are registered right after activate() returns, off
  // the activation VS Code waits for (about half of activate()'s own time in a bench breakdown):
  // VS Code gives a view's provider two seconds after activation before it says none is
  // registered, and a restored panel waits in its revival pool until its serializer arrives.
  // Commands cannot wait (one that activated the extension runs as soon as activation ends), nor
  // can the chat participant (a chat request is sent to it right after activation).
  const later = setImmediate(() =>
    context.subscriptions.push(
      vscode.window.createTreeView('interviewPractice.topics', { treeDataProvider: tree, showCollapseAll: true }),
      ...Object.values(VIEW_TYPES).map((type) =>
        vscode.window.registerWebviewPanelSerializer(type, {
          deserializeWebviewPanel: async (panel, state) => {
            const serializer = (await load()).serializers[type];
            if (serializer) await serializer.deserializeWebviewPanel(panel, state);
            else panel.dispose();
          },
        }),
      ),
    ),
  );
  context.subscriptions.push(
    treeChanged,
    { dispose: () => (clearTimeout(idle), clearTimeout(warm), clearImmediate(later)) },
    ...Object.values(COMMANDS).map((id) => vscode.commands.registerCommand(id, async (...args: unknown[]) => (await load()).handlers[id](...args))),
  );
  // @interviewer in VS Code's Chat (absent in hosts without the chat API, such as older versions).
  if (typeof vscode.chat?.createChatParticipant === 'function') {
    const participant = vscode.chat.createChatParticipant('interviewPractice.interviewer', async (request, chatContext, stream, token) => (await load()).chat(request, chatContext, stream, token));
    participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'activity-icon.svg');
    context.subscriptions.push(participant);
  }
  // The internal services (progress, reset, panels…) are handed out only to the in-host tests and
  // the benchmark, which run in test mode; in production no other extension can reach them.
  return context.extensionMode === vscode.ExtensionMode.Test ? { ready: async () => (await load()).api } : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
