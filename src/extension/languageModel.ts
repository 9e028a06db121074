import vscode = require('vscode');

/**
 * The user's own chat model through VS Code's Language Model API, and nothing else: no keys of
 * ours, no other network. Off unless `interviewPractice.languageModel.enabled` is set; VS Code
 * asks the user's consent the first time a model is used. Every failure is an answer
 * (`ok: false`) so callers always have the offline path.
 */

/** The part of `vscode.lm` used here, so tests can pass a typed fake. */
export interface LanguageModelApi {
  selectChatModels(selector?: vscode.LanguageModelChatSelector): Thenable<readonly vscode.LanguageModelChat[]>;
}

export type ModelAnswer = { ok: true; text: string; model: string } | { ok: false; reason: 'disabled' | 'no-model' | 'timeout' | 'refused' | 'error' | 'cancelled'; detail: string };

export const MODEL_TIMEOUT_MS = 15_000;

export class ModelService {
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private lm: LanguageModelApi = vscode.lm,
    private readonly timeoutMs = MODEL_TIMEOUT_MS,
  ) {}

  /** Swaps the model source (the in-host tests pass a deterministic fake of `vscode.lm`). */
  useApi(lm: LanguageModelApi): void {
    this.lm = lm;
  }

  enabled(): boolean {
    return vscode.workspace.getConfiguration('interviewPractice').get<boolean>('languageModel.enabled', false);
  }

  /** Sends one user message and returns the whole reply as text, or why not. */
  async ask(prompt: string, justification: string, token?: vscode.CancellationToken): Promise<ModelAnswer> {
    if (!this.enabled()) return { ok: false, reason: 'disabled', detail: 'interviewPractice.languageModel.enabled is off' };
    let model: vscode.LanguageModelChat | undefined;
    try {
      model = (await this.lm.selectChatModels())[0];
    } catch (e) {
      return this.fail('error', e);
    }
    if (!model) return { ok: false, reason: 'no-model', detail: 'no chat model is available in VS Code' };
    const cts = new vscode.CancellationTokenSource();
    const outer = token?.onCancellationRequested(() => cts.cancel());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const run = (async () => {
        const response = await (model as vscode.LanguageModelChat).sendRequest([vscode.LanguageModelChatMessage.User(prompt)], { justification }, cts.token);
        let text = '';
        for await (const chunk of response.text) {
          text += chunk;
          if (text.length > 200_000) break;
        }
        return text;
      })();
      const result = await Promise.race([run, timeout]);
      if (result === 'timeout') {
        cts.cancel();
        run.catch(() => undefined);
        this.log.warn(`language model ${model.name}: no answer within ${this.timeoutMs} ms`);
        return { ok: false, reason: 'timeout', detail: `no answer within ${Math.round(this.timeoutMs / 1000)} s` };
      }
      if (token?.isCancellationRequested) return { ok: false, reason: 'cancelled', detail: 'cancelled' };
      return { ok: true, text: result, model: model.name };
    } catch (e) {
      if (e instanceof vscode.LanguageModelError && (e.code === vscode.LanguageModelError.NoPermissions().code || e.code === vscode.LanguageModelError.Blocked().code)) return this.fail('refused', e);
      return this.fail('error', e);
    } finally {
      if (timer) clearTimeout(timer);
      outer?.dispose();
      cts.dispose();
    }
  }

  private fail(reason: 'refused' | 'error', e: unknown): ModelAnswer {
    const detail = e instanceof Error ? e.message : String(e);
    this.log.warn(`language model ${reason}: ${detail}`);
    return { ok: false, reason, detail };
  }
}
