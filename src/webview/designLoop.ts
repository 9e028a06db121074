// The design-loop panel's script: reveal a stage (the host checks the document first), show the
// document, follow the written counts the host sends as the user types. Nothing else.
import { post, type DesignLoopOutbound, type DesignLoopState } from '../shared/protocol/designLoop';
import { wireLinks } from './links';

const vscode = acquireVsCodeApi<DesignLoopState>();
const loopId = document.body.dataset.loopId ?? '';
vscode.setState({ loopId });
const threshold = Number(document.body.dataset.threshold ?? '20');
const strings = JSON.parse(document.body.dataset.strings ?? '{}') as { locked?: string; unlocked?: string };
const fill = (message: string, ...args: (string | number)[]) => message.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));

document.querySelectorAll<HTMLButtonElement>('button.reveal-stage').forEach((b) =>
  b.addEventListener('click', () => post(vscode, { type: 'revealStage', loopId, stage: Number(b.dataset.stage) })),
);
document.getElementById('open-doc')?.addEventListener('click', () => post(vscode, { type: 'openDocument', loopId }));
wireLinks((message) => post(vscode, message));

window.addEventListener('message', (event: MessageEvent<DesignLoopOutbound | undefined>) => {
  const data = event.data;
  if (data?.type !== 'written' || !Array.isArray(data.counts)) return;
  data.counts.forEach((raw, i) => {
    const count = typeof raw === 'number' ? raw : 0;
    const written = count >= threshold;
    const section = document.getElementById(`stage-${i}`);
    if (!section) return;
    section.dataset.written = String(written);
    const button = section.querySelector<HTMLButtonElement>('button.reveal-stage');
    if (button) button.disabled = !written;
    const status = document.getElementById(`status-${i}`);
    if (status) status.textContent = written ? (strings.unlocked ?? '') : fill(strings.locked ?? '', threshold, count);
  });
});

const scrollTarget = document.body.dataset.scroll;
if (scrollTarget) document.getElementById(scrollTarget)?.scrollIntoView({ block: 'start' });
