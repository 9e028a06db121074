import { readFile } from 'node:fs/promises';
import vscode = require('vscode');
import { applyModelVerdicts, reviewPrompt } from '../../core/judge/modelJudge';
import type { ReviewJudgement } from '../../core/judge/reviewJudge';
import type { WorkSample } from '../../core/schema';
import type { ModelService } from '../languageModel';
import type { SampleSession } from './sampleSessions';

/** The sample's files as the user has them now (open documents first, then disk). */
export async function currentTexts(sample: WorkSample, folder: vscode.Uri): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const f of sample.files) {
    const uri = vscode.Uri.joinPath(folder, f.path);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open?.getText() ?? (await readFile(uri.fsPath, 'utf8').catch(() => undefined));
    if (text !== undefined) texts.set(f.path, text);
  }
  return texts;
}

/** The model's verdicts when the user has enabled one and it answers in time; otherwise the offline judgement. */
export async function modelJudgement(
  model: ModelService | undefined,
  log: vscode.LogOutputChannel,
  sample: WorkSample,
  comments: readonly { file: string; line: number; text: string }[],
  offline: ReviewJudgement,
): Promise<{ grade: ReviewJudgement; judgedBy: NonNullable<SampleSession['judgedBy']> }> {
  if (!model?.enabled()) return { grade: offline, judgedBy: { kind: 'offline' } };
  const prompt = reviewPrompt(sample, comments, offline);
  if (prompt.pairs.length === 0) return { grade: offline, judgedBy: { kind: 'offline', note: vscode.l10n.t('No comment sits at a planted defect, so nothing was sent to the model.') } };
  const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking your language model to judge {0} comment(s)…', comments.length), cancellable: true }, (_p, token) =>
    model.ask(prompt.text, vscode.l10n.t('Judge your review comments against the planted defects of this work sample.'), token),
  );
  if (!answer.ok) return { grade: offline, judgedBy: { kind: 'offline', note: vscode.l10n.t('The language model was not used ({0}: {1}); the offline judge decided.', answer.reason, answer.detail) } };
  try {
    return { grade: applyModelVerdicts(sample, offline, prompt, answer.text), judgedBy: { kind: 'model', note: vscode.l10n.t('Judged by {0} (your language model); the comments’ locations and the offline stance rules still apply.', answer.model) } };
  } catch (e) {
    log.warn(`model verdict rejected: ${e instanceof Error ? e.message : String(e)}`);
    return { grade: offline, judgedBy: { kind: 'offline', note: vscode.l10n.t('The language model’s answer could not be used ({0}); the offline judge decided.', e instanceof Error ? e.message.slice(0, 120) : 'invalid') } };
  }
}
