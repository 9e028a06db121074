import vscode = require('vscode');
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod';
import type { Defect } from '../../core/schema';
import { markdownText, md, safeMarkdown } from '../../core/safeText';
import { markdownString } from '../safeUi';

export const REVIEW_CONTROLLER_ID = 'interviewPractice.review';

let nextId = 1;

/** One review comment. `contextValue` drives which edit/delete actions the Comments UI shows. */
export class ReviewComment implements vscode.Comment {
  readonly id = nextId++;
  savedBody: string;
  constructor(
    public body: string | vscode.MarkdownString,
    public mode: vscode.CommentMode,
    public author: vscode.CommentAuthorInformation,
    public parent: vscode.CommentThread,
    public contextValue: 'user' | 'reference',
    public label?: string,
  ) {
    this.savedBody = typeof body === 'string' ? body : body.value;
  }

  text(): string {
    return typeof this.body === 'string' ? this.body : this.body.value;
  }
}

const savedSchema = z.array(z.object({ file: z.string().max(300), line: z.number().int().min(1).max(1_000_000), text: z.string().max(20_000) })).max(2000);
export type SavedComment = z.infer<typeof savedSchema>[number];

/**
 * Review comments on work-sample files through the Comments API (the gutter "+"), saved per
 * sample under the extension's storage and restored after a reload.
 */
export class ReviewComments implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(REVIEW_CONTROLLER_ID, vscode.l10n.t('Interview Practice Review'));
  private readonly threads = new Map<string, Set<vscode.CommentThread>>();
  private readonly changed = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [this.controller, this.changed];
  /** Fires with the sample id when its user comments were added, edited or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(
    /** The sample whose practice folder holds this file, if any. */
    private readonly sampleOf: (uri: vscode.Uri) => { id: string; folder: vscode.Uri } | undefined,
    private readonly storeFile: (sampleId: string) => string,
  ) {
    this.controller.options = {
      prompt: vscode.l10n.t('Add a review comment…'),
      placeHolder: vscode.l10n.t('What is wrong here, why it matters in production, and the fix'),
    };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) => (this.sampleOf(document.uri) ? [new vscode.Range(0, 0, Math.max(0, document.lineCount - 1), 0)] : []),
    };
  }

  /** Creates a user comment from the reply box of a new or existing thread. */
  async addFromReply(reply: vscode.CommentReply): Promise<void> {
    const text = reply.text.trim();
    if (!text) return;
    const thread = reply.thread;
    this.track(thread);
    thread.comments = [...thread.comments, new ReviewComment(text, vscode.CommentMode.Preview, { name: vscode.l10n.t('You') }, thread, 'user')];
    thread.canReply = true;
    thread.contextValue = 'user';
    await this.save(thread.uri);
  }

  /** For tests and for restoring: a user comment at a 1-based line. */
  add(uri: vscode.Uri, line: number, text: string): vscode.CommentThread {
    const thread = this.controller.createCommentThread(uri, new vscode.Range(line - 1, 0, line - 1, 0), []);
    thread.comments = [new ReviewComment(text, vscode.CommentMode.Preview, { name: vscode.l10n.t('You') }, thread, 'user')];
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    thread.contextValue = 'user';
    this.track(thread);
    return thread;
  }

  edit(comment: ReviewComment): void {
    comment.parent.comments = comment.parent.comments.map((c) => (c === comment ? Object.assign(comment, { mode: vscode.CommentMode.Editing }) : c));
  }

  async saveEdit(comment: ReviewComment): Promise<void> {
    comment.savedBody = comment.text();
    comment.mode = vscode.CommentMode.Preview;
    comment.parent.comments = [...comment.parent.comments];
    await this.save(comment.parent.uri);
  }

  cancelEdit(comment: ReviewComment): void {
    comment.body = comment.savedBody;
    comment.mode = vscode.CommentMode.Preview;
    comment.parent.comments = [...comment.parent.comments];
  }

  async remove(comment: ReviewComment): Promise<void> {
    const thread = comment.parent;
    thread.comments = thread.comments.filter((c) => c !== comment);
    if (thread.comments.length === 0) this.disposeThread(thread);
    await this.save(thread.uri);
  }

  async removeThread(thread: vscode.CommentThread): Promise<void> {
    const uri = thread.uri;
    this.disposeThread(thread);
    await this.save(uri);
  }

  /** The user's comments on a sample, with files relative to its folder and 1-based lines. */
  userComments(sampleId: string): SavedComment[] {
    const out: SavedComment[] = [];
    for (const thread of this.threads.get(sampleId) ?? []) {
      const sample = this.sampleOf(thread.uri);
      if (!sample || !thread.range) continue;
      const file = relativeTo(sample.folder, thread.uri);
      for (const c of thread.comments) {
        if (c instanceof ReviewComment && c.contextValue === 'user') out.push({ file, line: thread.range.start.line + 1, text: c.text() });
      }
    }
    return out;
  }

  /** Shows missed defects as comments from the reference reviewer at their lines. */
  showMissed(sampleId: string, folder: vscode.Uri, missed: { defect: Defect; line: number }[]): void {
    this.clearReference(sampleId);
    for (const { defect, line } of missed) {
      const uri = vscode.Uri.joinPath(folder, defect.file);
      const thread = this.controller.createCommentThread(uri, new vscode.Range(line - 1, 0, line - 1, 0), []);
      const heading = vscode.l10n.t('Missed ({0}): {1}', severityName(defect.severity), defect.concept);
      // Pack text: sanitized (no images, HTML or non-web links), so showing a comment fetches and runs nothing.
      const body = markdownString(md`**${markdownText(heading)}**\n\n${safeMarkdown(defect.why)}\n\n**${markdownText(vscode.l10n.t('Fix.'))}** ${safeMarkdown(defect.fix)}`);
      thread.comments = [
        new ReviewComment(body, vscode.CommentMode.Preview, { name: vscode.l10n.t('Reference reviewer') }, thread, 'reference', vscode.l10n.t('planted defect')),
      ];
      thread.canReply = false;
      thread.contextValue = 'reference';
      thread.label = vscode.l10n.t('Missed defect');
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      this.track(thread, sampleId);
    }
  }

  count(sampleId: string): number {
    return this.userComments(sampleId).length;
  }

  /** Restores a sample's saved comments (after a reload, or when the sample is opened again). */
  async restore(sampleId: string, folder: vscode.Uri): Promise<void> {
    if ((this.threads.get(sampleId)?.size ?? 0) > 0) return;
    let saved: SavedComment[] = [];
    try {
      const parsed = savedSchema.safeParse(JSON.parse(await readFile(this.storeFile(sampleId), 'utf8')));
      if (parsed.success) saved = parsed.data;
    } catch {
      return;
    }
    for (const c of saved) {
      if (c.file.split('/').includes('..')) continue;
      this.add(vscode.Uri.joinPath(folder, c.file), c.line, c.text);
    }
  }

  clearAll(sampleId: string): void {
    for (const t of [...(this.threads.get(sampleId) ?? [])]) this.disposeThread(t);
  }

  private clearReference(sampleId: string): void {
    for (const t of [...(this.threads.get(sampleId) ?? [])]) if (t.contextValue === 'reference') this.disposeThread(t);
  }

  private track(thread: vscode.CommentThread, sampleId = this.sampleOf(thread.uri)?.id): void {
    if (!sampleId) return;
    (this.threads.get(sampleId) ?? this.threads.set(sampleId, new Set()).get(sampleId))?.add(thread);
  }

  private disposeThread(thread: vscode.CommentThread): void {
    for (const set of this.threads.values()) set.delete(thread);
    thread.dispose();
  }

  private async save(uri: vscode.Uri): Promise<void> {
    const sample = this.sampleOf(uri);
    if (!sample) return;
    this.changed.fire(sample.id);
    const file = this.storeFile(sample.id);
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    await writeFile(tmp, JSON.stringify(this.userComments(sample.id)));
    await rename(tmp, file);
  }

  /** Handlers for the Comments UI menus (package.json `comments/*` contributions). */
  commands(): Record<string, (...args: unknown[]) => unknown> {
    const asComment = (c: unknown) => c as ReviewComment;
    return {
      'interviewPractice.addReviewComment': (reply) => this.addFromReply(reply as vscode.CommentReply),
      'interviewPractice.editReviewComment': (c) => this.edit(asComment(c)),
      'interviewPractice.saveReviewComment': (c) => this.saveEdit(asComment(c)),
      'interviewPractice.cancelReviewComment': (c) => this.cancelEdit(asComment(c)),
      'interviewPractice.deleteReviewComment': (c) => this.remove(asComment(c)),
      'interviewPractice.deleteReviewThread': (thread) => this.removeThread(thread as vscode.CommentThread),
    };
  }

  dispose(): void {
    for (const set of this.threads.values()) for (const t of set) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Lower case, as it reads inside the "Missed (…)" heading. */
function severityName(severity: Defect['severity']): string {
  switch (severity) {
    case 'critical':
      return vscode.l10n.t('critical');
    case 'major':
      return vscode.l10n.t('major');
    case 'minor':
      return vscode.l10n.t('minor');
  }
}

function relativeTo(folder: vscode.Uri, uri: vscode.Uri): string {
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}
