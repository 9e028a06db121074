import assert from 'node:assert/strict';
import type * as z from 'zod';
import { parseMessage } from '../../src/shared/protocol/common';
import { caseStudyInbound } from '../../src/shared/protocol/caseStudy';
import { dashboardInbound } from '../../src/shared/protocol/dashboard';
import { designLoopInbound } from '../../src/shared/protocol/designLoop';
import { mockInbound } from '../../src/shared/protocol/mock';
import { questionInbound } from '../../src/shared/protocol/question';
import { sampleInbound } from '../../src/shared/protocol/sample';
import { topicInbound } from '../../src/shared/protocol/topic';
import { prng, type Rng } from '../prng';

/**
 * Webview message fuzzing. A panel renders pack content, so the host treats every message as
 * hostile: whatever arrives, parsing never throws, accepts exactly the messages of the protocol,
 * and never lets a key such as `__proto__` reach Object.prototype. Deterministic (seeded PRNG).
 *
 * The random values are what can really arrive through postMessage: JSON data (objects, arrays,
 * strings, numbers, booleans, null). An independent, hand-written oracle says which of them are
 * valid, so the test checks both directions: nothing invalid accepted, nothing valid refused.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 7_345_119);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

// ── The oracle: the protocol, written out by hand ────────────────────────────────────────────

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isId = (v: unknown) => typeof v === 'string' && v.length >= 3 && v.length <= 60 && ID.test(v);
const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
/** URLs the generators use, with whether the protocol accepts them (http(s), ≤ 2000 chars). */
const URLS: [string, boolean][] = [
  ['https://opentelemetry.io/docs/', true],
  ['http://example.com/a?b=c#d', true],
  ['https://example.com/' + 'a'.repeat(1970), true],
  ['https://example.com/' + 'a'.repeat(1990), false],
  ['javascript:alert(1)', false],
  ['JavaScript:alert(document.domain)', false],
  ['javascript://example.com/%0aalert(1)', false],
  ['command:workbench.action.terminal.new', false],
  ['command:workbench.action.quit?%5B%5D', false],
  ['vscode://vscode.git/clone?url=x', false],
  ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', false],
  ['file:///etc/passwd', false],
  ['vbscript:msgbox(1)', false],
  ['ftp://example.com/', false],
  ['ws://example.com/', false],
  ['//evil.example/', false],
  ['evil.example', false],
  ['/relative/path', false],
  ['', false],
  ['https://', false],
];
const URL_OK = new Map(URLS);
const isUrl = (v: unknown) => typeof v === 'string' && URL_OK.get(v) === true;

const keysAre = (o: Obj, keys: string[]) => {
  const own = Reflect.ownKeys(o);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(o, k));
};

/** The question-panel protocol (src/shared/protocol/question.ts), independently. */
function webviewOracle(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Obj;
  if (!Object.prototype.hasOwnProperty.call(o, 'type')) return false;
  switch (o.type) {
    case 'ready':
    case 'next':
      return keysAre(o, ['type']);
    case 'revealed':
    case 'undoGrade':
    case 'toggleFlag':
      return keysAre(o, ['type', 'questionId']) && isId(o.questionId);
    case 'openQuestion':
      return keysAre(o, ['type', 'id']) && isId(o.id);
    case 'openExternal':
      return keysAre(o, ['type', 'url']) && isUrl(o.url);
    case 'saveNote':
      return keysAre(o, ['type', 'questionId', 'text']) && isId(o.questionId) && typeof o.text === 'string' && o.text.length <= 50_000;
    case 'grade':
      return (
        keysAre(o, ['type', 'questionId', 'rating', 'covered', 'draftChars', 'elapsedSeconds']) &&
        isId(o.questionId) &&
        (o.rating === 1 || o.rating === 2 || o.rating === 3 || o.rating === 4) &&
        Array.isArray(o.covered) &&
        o.covered.length <= 20 &&
        o.covered.every((c) => isInt(c, 0, 20)) &&
        isInt(o.draftChars, 0, 1_000_000) &&
        isInt(o.elapsedSeconds, 0, 86_400)
      );
    default:
      return false;
  }
}

/** The work-sample protocol (src/shared/protocol/sample.ts), independently. */
function sampleOracle(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Obj;
  if (!Object.prototype.hasOwnProperty.call(o, 'type')) return false;
  switch (o.type) {
    case 'submitReview':
    case 'runTests':
    case 'showReference':
      return keysAre(o, ['type', 'sampleId']) && isId(o.sampleId);
    case 'markDefect':
      return keysAre(o, ['type', 'sampleId', 'defect', 'covered']) && isId(o.sampleId) && isId(o.defect) && typeof o.covered === 'boolean';
    case 'openExternal':
      return keysAre(o, ['type', 'url']) && isUrl(o.url);
    default:
      return false;
  }
}

/** The topic and case-study protocols: links only. */
function linksOracle(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Obj;
  if (!Object.prototype.hasOwnProperty.call(o, 'type')) return false;
  if (o.type === 'openQuestion') return keysAre(o, ['type', 'id']) && isId(o.id);
  if (o.type === 'openExternal') return keysAre(o, ['type', 'url']) && isUrl(o.url);
  return false;
}

/** The mock-interview protocol (src/shared/protocol/mock.ts), independently. */
function mockOracle(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Obj;
  if (!Object.prototype.hasOwnProperty.call(o, 'type')) return false;
  if (o.type === 'mockSubmit') return keysAre(o, ['type', 'answer', 'timedOut']) && typeof o.answer === 'string' && o.answer.length <= 100_000 && typeof o.timedOut === 'boolean';
  if (o.type === 'mockGrade') return keysAre(o, ['type', 'covered']) && Array.isArray(o.covered) && o.covered.length <= 20 && o.covered.every((c) => isInt(c, 0, 20));
  return false;
}

/** The design-loop protocol (src/shared/protocol/designLoop.ts), independently: six stages, 0–5. */
function designLoopOracle(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Obj;
  if (!Object.prototype.hasOwnProperty.call(o, 'type')) return false;
  if (o.type === 'revealStage') return keysAre(o, ['type', 'loopId', 'stage']) && isId(o.loopId) && isInt(o.stage, 0, 5);
  if (o.type === 'openDocument') return keysAre(o, ['type', 'loopId']) && isId(o.loopId);
  return linksOracle(v);
}

/** The dashboard runs no script: nothing it could send is a message. */
const nothingOracle = (_v: unknown): boolean => false;

// ── Generators ────────────────────────────────────────────────────────────────────────────────

const QUESTION_TYPES = ['ready', 'revealed', 'openQuestion', 'openExternal', 'grade', 'undoGrade', 'saveNote', 'toggleFlag', 'next'];
const SAMPLE_TYPES = ['submitReview', 'runTests', 'showReference', 'markDefect', 'openExternal'];
const LINK_TYPES = ['openQuestion', 'openExternal'];
const MOCK_TYPES = ['mockSubmit', 'mockGrade'];
const DESIGN_LOOP_TYPES = ['revealStage', 'openDocument', 'openQuestion', 'openExternal'];
const ALL_TYPES = [...new Set([...QUESTION_TYPES, ...SAMPLE_TYPES, ...MOCK_TYPES, ...DESIGN_LOOP_TYPES])];
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', 'command', 'args', 'polluted', '', ' type', 'Type', 'type\u0000'];
const FIELD_NAMES = ['type', 'questionId', 'id', 'sampleId', 'defect', 'url', 'rating', 'covered', 'draftChars', 'elapsedSeconds', 'text', 'loopId', 'stage', 'answer', 'timedOut'];
const HUGE = 'A'.repeat(1_000_000);

function randomId(r: Rng): string {
  const word = () => Array.from({ length: 1 + r.int(8) }, () => r.pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
  let id = Array.from({ length: 1 + r.int(4) }, word).join('-');
  while (id.length < 3) id += 'x';
  return id.slice(0, 60).replace(/-+$/, '');
}

/** Values that are NOT a valid id. */
const BAD_IDS: Json[] = ['', 'ab', 'Abc', 'ABC-DEF', 'a_b', '-abc', 'abc-', 'a--b', 'a b', '../etc/passwd', 'abc\n', 'abc/def', 'ａｂｃ', 'abç', 'x'.repeat(61), HUGE, 123, 0, null, true, [], ['abc'], {}, { id: 'abc' }];

function randomString(r: Rng): string {
  return r.pick([
    () => '',
    () => HUGE.slice(0, r.int(5000)),
    () => '\u0000\u202E\uFEFF🧪',
    () => '<script>window.__xss=1</script>',
    () => 'x'.repeat(50_001),
    () => randomId(r),
    () => r.pick(QUESTION_TYPES) + r.pick(['', ' ', '\u0000', 'X']),
    () => r.pick(NASTY_KEYS),
    () => String.fromCharCode(...Array.from({ length: r.int(40) }, () => r.int(0xd800))),
  ])();
}

function randomNumber(r: Rng): number {
  return r.pick([0, -0, 1, 2, 3, 4, 5, -1, 0.5, 2.5, 20, 21, 86_400, 86_401, 1_000_000, 1_000_001, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324, r.int(100)]);
}

/** Arbitrary JSON, biased towards things that look like messages. */
function randomJson(r: Rng, depth = 0): Json {
  const roll = r.int(depth > 3 ? 5 : 8);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return randomNumber(r);
    case 3:
    case 4:
      return randomString(r);
    case 5:
      return Array.from({ length: r.int(5) }, () => randomJson(r, depth + 1));
    default: {
      const o: Obj = {};
      if (r.next() < 0.8) o.type = r.next() < 0.8 ? r.pick(ALL_TYPES) : randomJson(r, depth + 1);
      for (let i = r.int(4); i > 0; i--) o[r.pick([...FIELD_NAMES, ...NASTY_KEYS])] = randomField(r, depth + 1);
      return o;
    }
  }
}

/** A plausible value for some field: sometimes valid, often not. */
function randomField(r: Rng, depth: number): Json {
  return r.pick<() => Json>([
    () => randomId(r),
    () => r.pick(BAD_IDS),
    () => r.pick(URLS)[0],
    () => r.pick([1, 2, 3, 4]),
    () => r.pick([0, 5, 6, -1]),
    () => r.next() < 0.5,
    () => r.pick(['', 'my answer', 'x'.repeat(100_001)]),
    () => Array.from({ length: r.int(22) }, () => r.int(23) - 1),
    () => randomJson(r, depth),
  ])();
}

/** A valid question-panel message of each type. */
function validWebviewMessage(r: Rng, type = r.pick(QUESTION_TYPES)): Obj {
  const questionId = randomId(r);
  switch (type) {
    case 'ready':
    case 'next':
      return { type };
    case 'openQuestion':
      return { type, id: questionId };
    case 'openExternal':
      return { type, url: r.pick(URLS.filter(([, ok]) => ok))[0] };
    case 'saveNote':
      return { type, questionId, text: r.pick(['', 'a note', '<script>x</script>', 'x'.repeat(50_000)]) };
    case 'grade':
      return {
        type,
        questionId,
        rating: r.pick([1, 2, 3, 4]),
        covered: Array.from({ length: r.int(21) }, () => r.int(21)),
        draftChars: r.pick([0, r.int(1_000_001), 1_000_000]),
        elapsedSeconds: r.pick([0, r.int(86_401), 86_400]),
      };
    default:
      return { type, questionId };
  }
}

function validSampleMessage(r: Rng, type = r.pick(SAMPLE_TYPES)): Obj {
  if (type === 'openExternal') return { type, url: r.pick(URLS.filter(([, ok]) => ok))[0] };
  if (type === 'markDefect') return { type, sampleId: randomId(r), defect: randomId(r), covered: r.next() < 0.5 };
  return { type, sampleId: randomId(r) };
}

function validLinkMessage(r: Rng, type = r.pick(LINK_TYPES)): Obj {
  return type === 'openExternal' ? { type, url: r.pick(URLS.filter(([, ok]) => ok))[0] } : { type, id: randomId(r) };
}

function validMockMessage(r: Rng, type = r.pick(MOCK_TYPES)): Obj {
  if (type === 'mockSubmit') return { type, answer: r.pick(['', 'I would start with the error budget.', '<script>x</script>', 'x'.repeat(100_000)]), timedOut: r.next() < 0.5 };
  return { type, covered: Array.from({ length: r.int(21) }, () => r.int(21)) };
}

function validDesignLoopMessage(r: Rng, type = r.pick(DESIGN_LOOP_TYPES)): Obj {
  if (type === 'revealStage') return { type, loopId: randomId(r), stage: r.int(6) };
  if (type === 'openDocument') return { type, loopId: randomId(r) };
  return validLinkMessage(r, type);
}

/** Bad values for one field of a message; each one alone makes the message invalid. */
const BAD_VALUES: Record<string, Json[]> = {
  type: ['Grade', 'grade ', ' ready', '', 'executeCommand', 'ready\u0000', HUGE, 1, 0, null, true, [], ['ready'], {}, { type: 'ready' }],
  questionId: BAD_IDS,
  id: BAD_IDS,
  sampleId: BAD_IDS,
  defect: BAD_IDS,
  rating: [0, 5, -1, 2.5, '3', null, true, [3], {}, 1e308],
  covered: ['0', 3, null, {}, [-1], [21], [1.5], ['1'], [null], [[1]], Array.from({ length: 21 }, () => 0), [1e308]],
  draftChars: [-1, 1.5, 1_000_001, '5', null, [], 1e308],
  elapsedSeconds: [-1, 86_401, 0.5, '1', null, {}, 1e308],
  text: ['x'.repeat(50_001), 5, null, ['a'], {}],
  url: [...URLS.filter(([, ok]) => !ok).map(([u]) => u), 5, null, ['https://example.com'], {}],
  loopId: BAD_IDS,
  stage: [-1, 6, 1.5, '1', null, [], {}, 1e308],
  answer: ['x'.repeat(100_001), 5, null, ['a'], {}],
  timedOut: ['true', 0, 1, null, [], {}],
};

/** Turns a valid message into an invalid one, and says how. */
function invalidate(msg: Obj, r: Rng): { value: unknown; what: string } {
  const keys = Object.keys(msg);
  const op = r.int(5);
  if (op === 0) {
    // An extra key: prototype-pollution names are set as real own keys, the way JSON.parse makes them.
    const key = r.pick(NASTY_KEYS);
    const value = r.pick<Json>([{ polluted: true }, { prototype: { polluted: true } }, 'x', 1, null, [1]]);
    const text = JSON.stringify(msg).replace(/}$/, `${keys.length ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}}`);
    return { value: JSON.parse(text), what: `extra key ${JSON.stringify(key)}` };
  }
  if (op === 1) {
    const key = r.pick(keys);
    const copy = { ...msg };
    delete copy[key];
    return { value: copy, what: `without ${key}` };
  }
  if (op === 2) {
    const key = r.pick(keys);
    const bad = r.pick(BAD_VALUES[key] ?? [null]);
    return { value: { ...msg, [key]: bad }, what: `${key} = ${JSON.stringify(bad)?.slice(0, 60)}` };
  }
  if (op === 3) {
    const wrap = r.pick<[string, (m: Obj) => unknown]>([
      ['in an array', (m) => [m]],
      ['twice in an array', (m) => [m, m]],
      ['under message', (m) => ({ message: m })],
      ['under data', (m) => ({ data: m })],
      ['as a JSON string', (m) => JSON.stringify(m)],
      ['with type nested', (m) => ({ ...m, type: { type: m.type } })],
    ]);
    return { value: wrap[1](msg), what: wrap[0] };
  }
  const value = r.pick<unknown>([null, undefined, 0, -0, NaN, Infinity, 1e308, '', HUGE, true, false, 10n, Symbol('x'), () => msg, [], {}]);
  return { value, what: `a bare ${typeof value}` };
}

function deep(depth: number, wrap: (v: unknown) => unknown, leaf: unknown = 1): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

/** Snapshot of the built-in prototypes, to prove nothing was added or replaced. */
function prototypes(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [name, proto] of [
    ['Object', Object.prototype],
    ['Array', Array.prototype],
    ['Function', Function.prototype],
    ['String', String.prototype],
  ] as const) {
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      out.set(`${name}.${String(key)}`, d && ('value' in d ? d.value : d.get));
    }
    out.set(`${name}.[[Prototype]]`, Object.getPrototypeOf(proto));
  }
  return out;
}

function assertPrototypesUntouched(before: Map<string, unknown>, label: string): void {
  const after = prototypes();
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), `no built-in prototype gained or lost a key (${label})`);
  for (const [k, v] of before) assert.ok(after.get(k) === v, `${k} is unchanged (${label})`);
  for (const key of ['polluted', 'x', 'command', 'type']) {
    assert.equal(({} as Record<string, unknown>)[key], undefined, `({}).${key} is not set (${label})`);
  }
}

const show = (v: unknown) => {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 200);
  } catch {
    return typeof v;
  }
};

interface Panel {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly oracle: (v: unknown) => boolean;
  readonly types: readonly string[];
  /** A valid message of the given type (or a random one); absent for a panel that accepts nothing. */
  readonly valid?: (r: Rng, type?: string) => Obj;
}

/** Every panel's inbound schema, each against its own hand-written oracle. */
const PANELS: readonly Panel[] = [
  { name: 'question', schema: questionInbound, oracle: webviewOracle, types: QUESTION_TYPES, valid: validWebviewMessage },
  { name: 'work sample', schema: sampleInbound, oracle: sampleOracle, types: SAMPLE_TYPES, valid: validSampleMessage },
  { name: 'topic', schema: topicInbound, oracle: linksOracle, types: LINK_TYPES, valid: validLinkMessage },
  { name: 'case study', schema: caseStudyInbound, oracle: linksOracle, types: LINK_TYPES, valid: validLinkMessage },
  { name: 'mock interview', schema: mockInbound, oracle: mockOracle, types: MOCK_TYPES, valid: validMockMessage },
  { name: 'design loop', schema: designLoopInbound, oracle: designLoopOracle, types: DESIGN_LOOP_TYPES, valid: validDesignLoopMessage },
  { name: 'dashboard', schema: dashboardInbound, oracle: nothingOracle, types: [] },
];

/** Parses as the panel host does; a throw is reported as a failure with the input. */
function parse(panel: Panel, v: unknown, label: string) {
  try {
    return parseMessage(panel.schema, v, panel.name);
  } catch (e) {
    assert.fail(`parseMessage (${panel.name}) threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} for ${label}: ${show(v)}`);
  }
}

/** Refused by every panel, without throwing, with a short reason in the logged format. */
function refusedEverywhere(v: unknown, label: string): void {
  for (const panel of PANELS) {
    const p = parse(panel, v, label);
    assert.equal(p.ok, false, `${panel.name}: ${label}`);
    if (!p.ok) {
      assert.match(p.reason, /^ignored webview message/);
      // The type named in the logged reason is cut to 40 characters, however long it was.
      assert.ok(!p.reason.includes('A'.repeat(41)), `the reason does not echo a huge type (${panel.name}: ${label})`);
    }
  }
}

describe('webview message fuzzing', function () {
  this.timeout(120_000);
  let protos: Map<string, unknown>;
  before(() => {
    protos = prototypes();
  });
  afterEach(function () {
    assertPrototypesUntouched(protos, this.currentTest?.title ?? '');
  });

  it('covers every panel', () => {
    assert.deepEqual(PANELS.map((p) => p.name).sort(), ['case study', 'dashboard', 'design loop', 'mock interview', 'question', 'topic', 'work sample']);
  });

  for (const [index, panel] of PANELS.entries()) {
    const valid = panel.valid;
    if (valid) {
      it(`${panel.name}: the oracle agrees with the protocol on every valid message (so the fuzzing below means something)`, () => {
        const r = prng(SEED + 10 * index);
        for (let i = 0; i < 300; i++) {
          for (const type of panel.types) {
            const m = valid(r, type);
            assert.equal(panel.oracle(m), true, show(m));
            const p = parse(panel, m, 'valid');
            assert.equal(p.ok, true, `${show(m)} is accepted: ${p.ok ? '' : p.reason}`);
            if (p.ok) assert.deepEqual(p.message, m, 'the parsed message is the message, nothing added');
          }
        }
      });

      it(`${panel.name}: rejects every one-step corruption of a valid message, without throwing`, () => {
        const seed = SEED + 10 * index + 1;
        const r = prng(seed);
        for (let i = 0; i < 1000; i++) {
          const { value, what } = invalidate(valid(r), r);
          const label = `seed ${seed} #${i}: ${what}`;
          assert.equal(panel.oracle(value), false, `the corruption is invalid by the protocol: ${label}`);
          const p = parse(panel, value, label);
          assert.equal(p.ok, false, `accepted ${label}: ${show(value)}`);
          if (!p.ok) {
            assert.match(p.reason, /^ignored webview message/);
            assert.ok(p.reason.length < 400, `the logged reason stays short even for huge input (${p.reason.length} chars): ${label}`);
          }
          // What one panel refuses, every other panel must judge by its own protocol, without throwing.
          for (const other of PANELS) assert.equal(parse(other, value, label).ok, other.oracle(value), `${other.name}: ${label}`);
        }
      });
    }

    it(`${panel.name}: accepts random JSON exactly when its protocol says so, never throwing`, () => {
      const seed = SEED + 10 * index + 2;
      const r = prng(seed);
      let accepted = 0;
      for (let i = 0; i < 3000; i++) {
        // What arrives is what survives a JSON round trip (that is how webview messages travel).
        const value: unknown = JSON.parse(JSON.stringify(randomJson(r)));
        const label = `seed ${seed} #${i}`;
        const p = parse(panel, value, label);
        assert.equal(p.ok, panel.oracle(value), `${panel.name}: ${label}: ${show(value)} ${p.ok ? '' : p.reason}`);
        if (p.ok) accepted++;
      }
      if (panel.valid) assert.ok(accepted < 3000, `most random values are not messages (${accepted} accepted)`);
      else assert.equal(accepted, 0, 'a panel without a script accepts nothing');
    });
  }

  it('random JSON is accepted by some panel now and then (the generator reaches valid messages)', () => {
    const r = prng(SEED + 3);
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      const value: unknown = JSON.parse(JSON.stringify(randomJson(r)));
      if (PANELS.some((panel) => parse(panel, value, `#${i}`).ok)) accepted++;
    }
    assert.ok(accepted > 0, `some random values are valid messages (${accepted})`);
  });

  it('prototype-pollution keys at any depth are refused and pollute nothing', () => {
    const payloads = [
      '{"type":"ready","__proto__":{"polluted":true}}',
      '{"__proto__":{"type":"ready"}}',
      '{"type":"grade","questionId":"abc","rating":3,"covered":[],"draftChars":0,"elapsedSeconds":0,"__proto__":{"polluted":true}}',
      '{"type":"toggleFlag","questionId":"abc","constructor":{"prototype":{"polluted":true}}}',
      '{"type":"saveNote","questionId":"abc","text":"x","prototype":{"polluted":true}}',
      '{"type":{"__proto__":{"polluted":true}}}',
      '{"type":"saveNote","questionId":{"__proto__":{"polluted":true}},"text":"x"}',
      '{"type":"grade","questionId":"abc","rating":3,"covered":[{"__proto__":{"polluted":true}}],"draftChars":0,"elapsedSeconds":0}',
      '[{"__proto__":{"polluted":true}}]',
      '{"constructor":{"prototype":{"type":"ready"}}}',
      '{"type":"submitReview","sampleId":"abc","__proto__":{"polluted":true}}',
      '{"type":"openQuestion","id":"abc","__proto__":{"polluted":true}}',
      '{"type":"mockGrade","covered":[],"__proto__":{"polluted":true}}',
      '{"type":"mockSubmit","answer":"x","timedOut":false,"constructor":{"prototype":{"polluted":true}}}',
      '{"type":"revealStage","loopId":"abc","stage":1,"__proto__":{"polluted":true}}',
      '{"__proto__":{"type":"openDocument","loopId":"abc"}}',
    ];
    for (const text of payloads) {
      refusedEverywhere(JSON.parse(text), text);
      assertPrototypesUntouched(protos, text);
    }
    // An object whose prototype (not own key) says "ready" is not a "ready" message either.
    assert.equal(({} as Record<string, unknown>).type, undefined);
  });

  it('huge strings and huge arrays are refused, and the logged reason does not echo a huge type', () => {
    const huge: unknown[] = [
      { type: HUGE },
      { type: 'saveNote', questionId: 'trace-sampling', text: HUGE },
      { type: 'openQuestion', id: HUGE },
      { type: 'openExternal', url: 'https://example.com/' + HUGE },
      { type: 'grade', questionId: 'trace-sampling', rating: 3, covered: Array.from({ length: 100_000 }, () => 1), draftChars: 0, elapsedSeconds: 0 },
      { type: 'mockSubmit', answer: HUGE, timedOut: false },
      { type: 'mockGrade', covered: Array.from({ length: 100_000 }, () => 1) },
      { type: 'revealStage', loopId: HUGE, stage: 1 },
      Array.from({ length: 100_000 }, () => ({ type: 'ready' })),
      Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
      { type: 'ready', ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, HUGE])) },
    ];
    for (const v of huge) refusedEverywhere(v, 'huge');
  });

  it('very deep nesting in fields, extra keys and the message itself is refused without throwing', () => {
    for (const depth of [100, 10_000, 100_000]) {
      const arr = (v: unknown) => [v];
      const obj = (v: unknown) => ({ a: v });
      const cases: [string, unknown][] = [
        ['deep array message', deep(depth, arr)],
        ['deep object message', deep(depth, obj)],
        ['deep object type', { type: deep(depth, obj) }],
        ['deep array in covered', { type: 'grade', questionId: 'abc', rating: 3, covered: deep(depth, arr), draftChars: 0, elapsedSeconds: 0 }],
        ['deep array in a mock grade', { type: 'mockGrade', covered: deep(depth, arr) }],
        ['deep object in an extra key', { type: 'ready', extra: deep(depth, obj) }],
        ['deep object as questionId', { type: 'toggleFlag', questionId: deep(depth, obj) }],
        ['deep array as sampleId', { type: 'runTests', sampleId: deep(depth, arr) }],
        ['deep object as a stage', { type: 'revealStage', loopId: 'abc', stage: deep(depth, obj) }],
        ['deep object as an answer', { type: 'mockSubmit', answer: deep(depth, obj), timedOut: true }],
      ];
      for (const [name, v] of cases) refusedEverywhere(v, `${name}, depth ${depth}`);
    }
  });

  // Regression tests for a bug these fuzz tests found: parseWebviewMessage built its log reason
  // with String(raw.type), which threw for `{"type":{"toString":1}}` (TypeError: Cannot convert
  // object to primitive value) and for an array nested thousands deep (RangeError: Maximum call
  // stack size exceeded). Both are plain JSON, so a compromised webview could send them.
  it('regression: an object type whose toString/valueOf are data keys is refused without throwing', () => {
    for (const text of ['{"type":{"toString":1}}', '{"type":{"toString":"x","valueOf":"y"}}', '{"type":{"valueOf":{},"toString":{}}}', '{"type":[{"toString":1}]}']) {
      refusedEverywhere(JSON.parse(text), text);
    }
  });

  it('regression: a deeply nested array as the message type is refused without throwing', () => {
    for (const depth of [1_000, 10_000, 100_000]) {
      const text = `{"type":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      refusedEverywhere(JSON.parse(text), `{"type": [[[…]]]} nested ${depth} deep`);
    }
  });
});
