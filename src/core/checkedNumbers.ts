/**
 * Checked numbers: an author puts `<!-- check: 300 * 1.5 * 52 = 23400 -->` right after a derived
 * figure, and the content loader evaluates it, so a wrong sum fails `npm run content -- check`.
 *
 * The evaluator is a tokenizer and a recursive-descent parser (no eval, no Function): numbers,
 * + - * / ( ) and ^ (power, right-associative, binding tighter than unary minus: -2^2 = -4).
 */

/** A problem in an expression, at a 1-based column of the expression text. */
export class ExpressionError extends Error {
  constructor(
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${reason} at column ${column}`);
  }
}

type Token = { readonly kind: 'num'; readonly value: number; readonly col: number } | { readonly kind: 'op'; readonly op: string; readonly col: number } | { readonly kind: 'end'; readonly col: number };

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if ('+-*/^()'.includes(c)) {
      out.push({ kind: 'op', op: c, col: i + 1 });
      i++;
      continue;
    }
    const m = NUMBER.exec(src.slice(i));
    if (m) {
      out.push({ kind: 'num', value: Number(m[0]), col: i + 1 });
      i += m[0].length;
      continue;
    }
    throw new ExpressionError(i + 1, `unexpected "${c}"`);
  }
  out.push({ kind: 'end', col: src.length + 1 });
  return out;
}

/** Evaluates an arithmetic expression. Throws ExpressionError (with the column) on anything else. */
export function evaluateExpression(src: string): number {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos] as Token;
  const isOp = (t: Token, ops: string) => t.kind === 'op' && ops.includes(t.op);
  const describe = (t: Token) => (t.kind === 'end' ? 'end of expression' : t.kind === 'num' ? `number ${t.value}` : `"${t.op}"`);

  const finite = (v: number, col: number) => {
    if (!Number.isFinite(v)) throw new ExpressionError(col, 'result is not a finite number');
    return v;
  };
  const expr = (): number => {
    let v = term();
    while (isOp(peek(), '+-')) {
      const t = tokens[pos++] as Token & { op: string };
      const r = term();
      v = t.op === '+' ? v + r : v - r;
    }
    return v;
  };
  const term = (): number => {
    let v = unary();
    while (isOp(peek(), '*/')) {
      const t = tokens[pos++] as Token & { op: string };
      const rt = peek();
      const r = unary();
      if (t.op === '/' && r === 0) throw new ExpressionError(rt.col, 'division by zero');
      v = t.op === '*' ? v * r : v / r;
    }
    return v;
  };
  const unary = (): number => {
    const t = peek();
    if (isOp(t, '+-')) {
      pos++;
      const v = unary();
      return t.kind === 'op' && t.op === '-' ? -v : v;
    }
    return power();
  };
  const power = (): number => {
    const base = primary();
    const t = peek();
    if (isOp(t, '^')) {
      pos++;
      return finite(base ** unary(), t.col);
    }
    return base;
  };
  const primary = (): number => {
    const t = peek();
    if (t.kind === 'num') {
      pos++;
      return t.value;
    }
    if (isOp(t, '(')) {
      pos++;
      const v = expr();
      const close = peek();
      if (!isOp(close, ')')) throw new ExpressionError(close.col, `expected ")" but found ${describe(close)}`);
      pos++;
      return v;
    }
    throw new ExpressionError(t.col, `expected a number or "(" but found ${describe(t)}`);
  };

  const v = expr();
  const rest = peek();
  if (rest.kind !== 'end') throw new ExpressionError(rest.col, `unexpected ${describe(rest)}`);
  return finite(v, 1);
}

/** Relative tolerance when a check gives none: 0.5 %. */
export const DEFAULT_TOLERANCE = 0.005;

export interface CheckProblem {
  /** 1-based line of the check comment in the text. */
  readonly line: number;
  readonly message: string;
}

export interface CheckResult {
  readonly checks: number;
  readonly problems: CheckProblem[];
}

const COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
const CHECK_PREFIX = /^\s*check\b/i;

/** Formats a number for a message: 10 significant digits, trailing zeros dropped. */
function show(v: number): string {
  return String(Number(v.toPrecision(10)));
}

/** One check body (the text after `check:`): `expression = expected [± tolerance[%]]`. */
function verifyOne(body: string): string | undefined {
  const text = body.replace(/\s+/g, ' ').trim();
  const eq = text.split('=');
  if (eq.length !== 2) return `unreadable check: "${text}" needs exactly one "=" (expression = expected value)`;
  const [lhs, rhs] = eq as [string, string];
  const [expectedText, tolText, extra] = rhs.split(/±|\+\/-/);
  if (extra !== undefined) return `unreadable check: "${text}" has more than one "±"`;
  const part = (label: string, s: string, offset: number): number | string => {
    try {
      return evaluateExpression(s);
    } catch (e) {
      if (e instanceof ExpressionError) return `unreadable check: "${text}": ${label}: ${e.reason} at column ${e.column + offset}`;
      throw e;
    }
  };
  const actual = part('expression', lhs, 0);
  if (typeof actual === 'string') return actual;
  const expected = part('expected value', expectedText ?? '', lhs.length + 1);
  if (typeof expected === 'string') return expected;
  let tolerance = Math.abs(expected) * DEFAULT_TOLERANCE;
  if (tolText !== undefined) {
    const pct = tolText.trim().endsWith('%');
    const t = part('tolerance', pct ? tolText.trim().slice(0, -1) : tolText, lhs.length + 1 + (expectedText ?? '').length + 1);
    if (typeof t === 'string') return t;
    if (t < 0) return `unreadable check: "${text}": the tolerance is negative`;
    tolerance = pct ? (Math.abs(expected) * t) / 100 : t;
  }
  // A hair of slack for binary floating point (0.1 * 3 = 0.3 with a tolerance of 0).
  if (Math.abs(actual - expected) > tolerance + 1e-9 * Math.max(1, Math.abs(expected))) {
    return `check failed: ${text} (evaluates to ${show(actual)})`;
  }
  return undefined;
}

/**
 * Evaluates every `<!-- check: … -->` comment in a file's text. Other comments are ignored; a
 * comment starting with `check` that does not read as `check: expression = value` is a problem.
 */
export function verifyChecks(text: string): CheckResult {
  const problems: CheckProblem[] = [];
  let checks = 0;
  for (const m of text.matchAll(COMMENT)) {
    const inner = m[1] ?? '';
    if (!CHECK_PREFIX.test(inner)) continue;
    checks++;
    const line = lineAt(text, m.index);
    if (!m[0].endsWith('-->')) {
      problems.push({ line, message: 'unreadable check: the comment is not closed with "-->"' });
      continue;
    }
    const body = inner.replace(CHECK_PREFIX, '');
    if (!body.trimStart().startsWith(':')) {
      problems.push({ line, message: `unreadable check: "${inner.trim()}" needs a colon after "check"` });
      continue;
    }
    const message = verifyOne(body.trimStart().slice(1));
    if (message) problems.push({ line, message });
  }
  return { checks, problems };
}

/**
 * The text with every check comment removed (and the spaces before it), keeping line breaks so
 * that line numbers still point at the source.
 */
export function stripChecks(text: string): string {
  return text.replace(/[ \t]*<!--\s*check\b[\s\S]*?-->/gi, (c) => c.replace(/[^\n]/g, ''));
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
