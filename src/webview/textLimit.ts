import { COUNTER_FROM } from '../shared/limits';

export interface TextLimit {
  /** True while the text is over its limit (the caller must not save or submit it). */
  over(): boolean;
  update(): void;
}

/**
 * A counter under a textarea that appears near its limit and, past it, says how much to cut.
 * Nothing is truncated: the text stays as typed until the user shortens it.
 */
export function guardText(area: HTMLTextAreaElement, max: number, messages: { counter: (n: string, max: string) => string; over: (excess: string, max: string) => string }, onChange?: (over: boolean) => void): TextLimit {
  const counter = document.createElement('p');
  counter.className = 'text-limit hint';
  counter.setAttribute('aria-live', 'polite');
  counter.hidden = true;
  area.insertAdjacentElement('afterend', counter);
  const fmt = (n: number) => n.toLocaleString();
  let wasOver = false;
  const update = () => {
    const n = area.value.length;
    const over = n > max;
    counter.hidden = n < max * COUNTER_FROM;
    counter.classList.toggle('over', over);
    counter.textContent = over ? messages.over(fmt(n - max), fmt(max)) : messages.counter(fmt(n), fmt(max));
    area.setAttribute('aria-invalid', String(over));
    if (over !== wasOver) onChange?.(over);
    wasOver = over;
  };
  area.addEventListener('input', update);
  update();
  return { over: () => area.value.length > max, update };
}
