import vscode = require('vscode');
import type * as z from 'zod';
import type { SafeHtml } from '../core/html';
import { createNonce, type WebviewResources } from '../core/panelHtml';
import { parseMessage } from '../shared/protocol/common';
import { openExternalConfirmed } from './externalLinks';
import type { ViewType } from './viewTypes';
import panelCss from '../../media/question.css';

type OpenExternal = { type: 'openExternal'; url: string };

/** One open panel, as its definition sees it. */
export interface PanelHandle<State, Out> {
  readonly panel: vscode.WebviewPanel;
  /** What the panel shows; render() replaces it. */
  readonly state: State;
  post(message: Out): Promise<void>;
  /** Re-renders (fresh nonce and asset URIs), with a new state if given. */
  render(state?: State): Promise<void>;
  /**
   * Shows `state` in the same document when the panel is visible and its definition can swap
   * (a message, no new document: no webview reload); otherwise re-renders.
   */
  swap(state: State): Promise<void>;
  /** Remembers a new state without rendering (the webview already shows it, say pinned). */
  remember(state: State): void;
}

export interface PanelPage {
  readonly title: string;
  /** Built with the `html` tag (src/core/html.ts), so a plain string cannot get here unescaped. */
  readonly html: SafeHtml;
}

/**
 * What makes one kind of panel: its view type, its protocol and how it renders and acts. The host
 * owns everything else (creation, reuse, revival, webview options, parsing, links, disposal).
 */
export interface PanelDefinition<State, In extends { type: string }, Out> {
  readonly viewType: ViewType;
  /** For log lines: "the question panel". */
  readonly name: string;
  /** Its script under dist/webview; without one the page runs no script at all. */
  readonly script?: string;
  readonly inbound: z.ZodType<In>;
  /** What the host may post to the page: every message is checked before it goes (a failure is our bug, logged, not sent). */
  readonly outbound: z.ZodType<Out>;
  /** Which panel shows this state: opening the same key again reuses the open panel. */
  key(state: State): string;
  /** The state to show after a window reload, from what the webview kept; undefined closes the panel. */
  revive(saved: unknown): Promise<State | undefined>;
  /** The page for a state; undefined leaves the panel as it is (say, the item left the bank). */
  render(state: State, resources: WebviewResources): Promise<PanelPage | undefined>;
  /** After each render has reached the webview (tests and the walkthrough listen for this). */
  rendered?(state: State): void;
  /**
   * Preview-style panels: the message that shows `state` in an open document (undefined: the item
   * is gone). Without it a swap re-renders the whole document.
   */
  swapMessage?(state: State): Promise<{ title: string; message: Out } | undefined>;
  /** Preview-style panels: false for the panel the next opened item may replace. */
  pinned?(state: State): boolean;
  /** A valid message other than a link out (the host opens those itself, after the user confirms). */
  handle(message: Exclude<In, OpenExternal>, panel: PanelHandle<State, Out>): Promise<void>;
  /** Tells the user when handle() failed; the host has logged it already. */
  failed?(error: unknown, panel: PanelHandle<State, Out>): Promise<void>;
}

export interface Placement {
  /** The tab title until the first render sets its own. */
  readonly title: string;
  readonly column?: vscode.ViewColumn;
  readonly preserveFocus?: boolean;
}

interface Entry<State, Out> extends PanelHandle<State, Out> {
  state: State;
  readonly disposables: vscode.Disposable[];
  /** Swapped by message since its HTML was last set: a hidden webview would come back from the old HTML. */
  stale: boolean;
}

const isOpenExternal = <In extends { type: string }>(m: In): m is Extract<In, OpenExternal> => m.type === 'openExternal';

/** Creates, reuses, revives and disposes the panels of one definition. */
export class PanelHost<State, In extends { type: string }, Out> implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly entries = new Set<Entry<State, Out>>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly definition: PanelDefinition<State, In, Out>,
  ) {}

  get viewType(): ViewType {
    return this.definition.viewType;
  }

  all(): PanelHandle<State, Out>[] {
    return [...this.entries];
  }

  find(key: string): PanelHandle<State, Out> | undefined {
    return [...this.entries].find((e) => this.definition.key(e.state) === key);
  }

  /** Brings the panel for `state` to the front as it is, or opens and renders a new one. */
  async reveal(state: State, where: Placement): Promise<PanelHandle<State, Out>> {
    const existing = this.find(this.definition.key(state));
    if (existing) {
      existing.panel.reveal(where.column, where.preserveFocus);
      return existing;
    }
    return this.create(state, where);
  }

  /** Renders `state` in its panel (not moving it), or opens a new one. */
  async show(state: State, where: Placement): Promise<PanelHandle<State, Out>> {
    const existing = this.find(this.definition.key(state));
    if (!existing) return this.create(state, where);
    await existing.render(state);
    return existing;
  }

  /**
   * Preview-style opening, as VS Code's editors do: the panel already showing this key comes to the
   * front; otherwise the unpinned panel (if `reuse`) shows `state` in place; otherwise a new panel.
   */
  async preview(state: State, where: Placement, reuse: boolean): Promise<PanelHandle<State, Out>> {
    const key = this.definition.key(state);
    const existing = this.find(key);
    if (existing) {
      existing.panel.reveal(where.column ?? existing.panel.viewColumn, where.preserveFocus);
      return existing;
    }
    const pinned = this.definition.pinned;
    const spare = reuse && pinned ? [...this.entries].find((e) => !pinned(e.state)) : undefined;
    if (!spare) return this.create(state, where);
    // A hidden webview has no document to swap into: it gets a new one (nobody sees it load) and then comes forward.
    const visible = spare.panel.visible;
    await spare.swap(state);
    if (!visible || !where.preserveFocus) spare.panel.reveal(spare.panel.viewColumn, where.preserveFocus);
    return spare;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const state = await this.definition.revive(saved);
    if (state === undefined) {
      this.log.warn(`closing a restored ${this.definition.name} panel that has nothing left to show`);
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    await this.attach(panel, state).render();
  }

  /** The same path as a message from the panel's webview (the hardening tests send through it). */
  async deliver(handle: PanelHandle<State, Out>, raw: unknown): Promise<void> {
    const entry = [...this.entries].find((e) => e === handle);
    if (entry) await this.receive(entry, raw);
  }

  private async create(state: State, where: Placement): Promise<PanelHandle<State, Out>> {
    const panel = vscode.window.createWebviewPanel(this.definition.viewType, where.title, { viewColumn: where.column ?? vscode.ViewColumn.Active, preserveFocus: where.preserveFocus ?? false }, this.options());
    const entry = this.attach(panel, state);
    await entry.render();
    return entry;
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    const scripted = this.definition.script !== undefined;
    return {
      enableScripts: scripted,
      enableCommandUris: false,
      enableForms: false,
      retainContextWhenHidden: false,
      // Only what the page loads: its script's folder, if it has one (the styles are inline).
      localResourceRoots: scripted ? [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] : [],
    };
  }

  /** Fresh on every render (revived panels included): a nonce that leaked from one page is no use in the next. */
  private resources(webview: vscode.Webview): WebviewResources {
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    const script = this.definition.script;
    return { cspSource: webview.cspSource, nonce: createNonce(), scriptUri: script ? asset('dist', 'webview', script) : '', stylesheet: panelCss };
  }

  private attach(panel: vscode.WebviewPanel, state: State): Entry<State, Out> {
    const entry: Entry<State, Out> = {
      panel,
      state,
      disposables: [],
      stale: false,
      post: async (message) => {
        if (this.checkedOut(message)) await panel.webview.postMessage(message);
      },
      render: async (next) => {
        if (next !== undefined) entry.state = next;
        const page = await this.definition.render(entry.state, this.resources(panel.webview));
        if (!page) return;
        panel.title = page.title;
        // The one place the page becomes a string again: VS Code takes nothing else.
        panel.webview.html = page.html.toString();
        entry.stale = false;
        this.definition.rendered?.(entry.state);
      },
      swap: async (next) => {
        const swapMessage = this.definition.swapMessage;
        if (!swapMessage || !panel.visible) return entry.render(next);
        const shown = await swapMessage(next);
        if (!shown) return;
        // A swap the protocol would refuse renders the whole page instead: the user still sees the item.
        if (!this.checkedOut(shown.message)) return entry.render(next);
        entry.state = next;
        panel.title = shown.title;
        await panel.webview.postMessage(shown.message);
        entry.stale = true;
        this.definition.rendered?.(entry.state);
      },
      remember: (next) => {
        entry.state = next;
      },
    };
    // The same page again, for a hidden panel whose HTML fell behind its swaps: nothing new is shown.
    const refresh = async () => {
      const page = await this.definition.render(entry.state, this.resources(panel.webview));
      if (!page) return;
      panel.webview.html = page.html.toString();
      entry.stale = false;
    };
    this.entries.add(entry);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-icon.svg');
    entry.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(entry, raw)),
      // Hidden, the webview drops its document and rebuilds it from the HTML when shown again: after
      // swaps that HTML is out of date, so it is rendered now, while nobody sees it.
      panel.onDidChangeViewState(() => {
        if (!panel.visible && entry.stale) void refresh().catch((e: unknown) => this.log.error(`${this.definition.name} panel: re-render failed`, e instanceof Error ? e : String(e)));
      }),
      panel.onDidDispose(() => {
        this.entries.delete(entry);
        for (const d of entry.disposables) d.dispose();
      }),
    );
    return entry;
  }

  private checkedOut(message: Out): boolean {
    const checked = this.definition.outbound.safeParse(message);
    if (!checked.success) this.log.error(`${this.definition.name} panel: not sending a message its protocol refuses: ${checked.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ')}`);
    return checked.success;
  }

  /** Never rejects: whatever the webview sends, and whatever handling it does, stays in the log. */
  private async receive(entry: Entry<State, Out>, raw: unknown): Promise<void> {
    const parsed = parseMessage(this.definition.inbound, raw, this.definition.name);
    if (!parsed.ok) {
      this.log.warn(parsed.reason);
      return;
    }
    const message = parsed.message;
    try {
      if (isOpenExternal(message)) await openExternalConfirmed(message.url);
      // TypeScript does not narrow a generic union in the else branch; the guard above did.
      else await this.definition.handle(message as Exclude<In, OpenExternal>, entry);
    } catch (e) {
      this.log.error(`${this.definition.name} panel: ${message.type} failed`, e instanceof Error ? e : String(e));
      await this.definition.failed?.(e, entry).catch((f: unknown) => this.log.error(`${this.definition.name} panel: reporting a failure failed`, f instanceof Error ? f : String(f)));
    }
  }

  dispose(): void {
    for (const e of [...this.entries]) e.panel.dispose();
  }
}
