/**
 * Build-time only: renders ```dot diagrams to SVG with Graphviz compiled to WebAssembly
 * (@viz-js/viz, a devDependency) and rebuilds the SVG from an allowlist, so what reaches the
 * bundle is inert (no scripts, event handlers, links, external references, styles or ids) and
 * carries no colours or fonts of its own: media/question.css themes it with the editor's colours
 * through the classes below. Nothing here is bundled into the extension or the webview.
 *
 * Classes on the output: `.node`, `.edge`, `.cluster` (from Graphviz) plus the author's own DOT
 * `class` (e.g. `accent`, `muted`, `warn`); on shapes `s` (stroked) and `f` (filled with a colour).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentError } from '../core/contentError';
import { diagramKey, diagramShapeProblems, findDiagrams, type FoundDiagram } from '../core/diagrams';

export interface DiagramError {
  /** 1-based line inside the DOT source. */
  readonly line: number;
  readonly message: string;
}

export type DiagramResult = { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly errors: DiagramError[] };

export interface DiagramRenderer {
  render(dot: string): DiagramResult;
}

/** Defaults so the layout matches how the webview draws text (sans-serif, 13px) and stays compact. */
const GRAPH_DEFAULTS = { fontname: 'Helvetica,Arial,sans-serif', fontsize: 13, nodesep: 0.3, ranksep: 0.35, pad: 0.05 };
const NODE_DEFAULTS = { fontname: 'Helvetica,Arial,sans-serif', fontsize: 13, shape: 'box', style: 'rounded', margin: '0.2,0.07', height: 0.3 };
const EDGE_DEFAULTS = { fontname: 'Helvetica,Arial,sans-serif', fontsize: 11, arrowsize: 0.7 };

/** Graphviz (WebAssembly, no binaries, no network) behind a synchronous render once loaded. */
export async function createDiagramRenderer(): Promise<DiagramRenderer> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  return {
    render(dot: string): DiagramResult {
      const r = viz.render(dot, { format: 'svg', engine: 'dot', graphAttributes: GRAPH_DEFAULTS, nodeAttributes: NODE_DEFAULTS, edgeAttributes: EDGE_DEFAULTS });
      const errors = r.errors.filter((e) => e.level !== 'warning').map((e) => ({ line: lineOf(e.message), message: `DOT: ${e.message.trim()}` }));
      if (r.status !== 'success' || errors.length) return { ok: false, errors: errors.length ? errors : [{ line: 1, message: 'DOT: Graphviz could not lay out this graph' }] };
      try {
        return { ok: true, svg: sanitizeGraphvizSvg(r.output) };
      } catch (e) {
        return { ok: false, errors: [{ line: 1, message: `DOT: ${e instanceof Error ? e.message : String(e)}` }] };
      }
    },
  };
}

function lineOf(message: string): number {
  const m = /\bline (\d+)/.exec(message);
  return m ? Number(m[1]) : 1;
}

// ---------------------------------------------------------------------------------------------
// Sanitizer: parse Graphviz's SVG (a regular XML dialect) and re-emit only what is allowed.

const NUM = /^-?\d*\.?\d+(?:e[-+]?\d+)?$/i;
const NUMS = /^[-+\d.,eE\s]*$/;
const PATH = /^[-+\d.,eE\sMmCcLlZzHhVvSsQqTtAa]*$/;
const TRANSFORM = /^(?:\s*(?:scale|rotate|translate)\([-+\d.,eE\s]*\)\s*)+$/;

/** Allowed attributes per element, each with a validator; anything else is dropped. */
const SHAPE_ATTRS: Record<string, RegExp> = { points: NUMS, d: PATH, cx: NUM, cy: NUM, rx: NUM, ry: NUM, x1: NUM, y1: NUM, x2: NUM, y2: NUM, 'stroke-width': NUM, 'stroke-dasharray': NUMS };
const ALLOWED: Record<string, Record<string, RegExp>> = {
  svg: { viewBox: NUMS },
  g: { transform: TRANSFORM },
  polygon: SHAPE_ATTRS,
  polyline: SHAPE_ATTRS,
  path: SHAPE_ATTRS,
  ellipse: SHAPE_ATTRS,
  line: SHAPE_ATTRS,
  text: { x: NUM, y: NUM, 'text-anchor': /^(?:start|middle|end)$/, 'font-size': NUM, 'font-weight': /^(?:bold|normal|\d{3})$/, 'font-style': /^(?:italic|normal)$/, 'text-decoration': /^(?:underline|overline|line-through)$/ },
  tspan: { x: NUM, y: NUM, 'font-weight': /^(?:bold|normal|\d{3})$/, 'font-style': /^(?:italic|normal)$/ },
};
/** Elements whose tags are removed but whose content is kept (links become plain shapes and text). */
const UNWRAP = new Set(['a']);
const SHAPES = new Set(['polygon', 'polyline', 'path', 'ellipse', 'line']);
const VOID_OK = new Set([...SHAPES]);

interface Tag {
  readonly name: string;
  readonly close: boolean;
  readonly selfClose: boolean;
  readonly attrs: Map<string, string>;
}

const TAG = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*(\/?)>$/;
const ATTR = /([\w:.-]+)\s*=\s*"([^"<]*)"/g;

function parseTag(raw: string): Tag {
  const m = TAG.exec(raw);
  if (!m) throw new Error(`unexpected markup in Graphviz output: ${raw.slice(0, 60)}`);
  const attrs = new Map<string, string>();
  for (const a of (m[3] ?? '').matchAll(ATTR)) attrs.set(a[1] as string, decodeEntities(a[2] as string));
  return { name: m[2] as string, close: m[1] === '/', selfClose: m[4] === '/', attrs };
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const CLASS_TOKEN = /^[a-z][a-z0-9_-]{0,30}$/;

function isColour(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== 'none' && v !== 'transparent';
}

/**
 * Rebuilds Graphviz SVG from an allowlist: svg, g, shapes and text with numeric geometry only.
 * Drops the XML prolog, comments, <title>, ids, <a> (keeping its content), styles, fonts,
 * colours, <image>, <defs>, <script>, <foreignObject> and every other element with its subtree.
 * Throws when the input is not the regular markup Graphviz writes (fail closed).
 */
export function sanitizeGraphvizSvg(input: string): string {
  const body = input
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  const out: string[] = [];
  /** Open elements: 'keep' (emitted), 'unwrap' (tag dropped, content kept), 'skip' (subtree dropped). */
  const stack: { name: string; mode: 'keep' | 'unwrap' | 'skip' }[] = [];
  const skipping = () => stack.some((s) => s.mode === 'skip');
  let graphBackgroundDropped = false;
  let seenSvg = false;
  for (const piece of body.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (!piece.startsWith('<')) {
      if (skipping() || piece.trim() === '') continue;
      const top = stack.at(-1)?.name;
      if (top !== 'text' && top !== 'tspan') continue;
      out.push(escapeXml(decodeEntities(piece)));
      continue;
    }
    const tag = parseTag(piece);
    if (tag.close) {
      const open = stack.pop();
      if (!open || open.name !== tag.name) throw new Error(`unbalanced </${tag.name}> in Graphviz output`);
      if (open.mode === 'keep') out.push(`</${tag.name}>`);
      continue;
    }
    let mode: 'keep' | 'unwrap' | 'skip' = skipping() ? 'skip' : ALLOWED[tag.name] ? 'keep' : UNWRAP.has(tag.name) ? 'unwrap' : 'skip';
    if (tag.name === 'svg') {
      if (seenSvg || stack.length) mode = 'skip';
      seenSvg = true;
    } else if (!seenSvg) throw new Error(`<${tag.name}> outside <svg> in Graphviz output`);
    // The graph's white background rectangle: dropped, the panel's background shows through.
    if (mode === 'keep' && tag.name === 'polygon' && !graphBackgroundDropped && stack.at(-1)?.name === 'g' && stack.length === 2) {
      graphBackgroundDropped = true;
      mode = 'skip';
    }
    if (mode === 'keep') out.push(emitOpen(tag));
    if (tag.selfClose) {
      if (mode === 'keep') out.push(VOID_OK.has(tag.name) ? '' : `</${tag.name}>`);
      continue;
    }
    stack.push({ name: tag.name, mode });
  }
  if (stack.length) throw new Error('unclosed elements in Graphviz output');
  const svg = out.join('');
  if (!svg.startsWith('<svg ')) throw new Error('no <svg> in Graphviz output');
  return svg;
}

/** Geometry to one decimal (a tenth of a CSS pixel): a third smaller, and no visible difference. */
function compactNumbers(value: string): string {
  return value.trim().replace(/-?\d*\.\d+/g, (n) => {
    const r = Math.round(Number(n) * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
  });
}

function emitOpen(tag: Tag): string {
  const allowed = ALLOWED[tag.name] ?? {};
  const attrs: string[] = [];
  const classes: string[] = [];
  if (tag.name === 'svg') {
    const vb = (tag.attrs.get('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
    if (vb.length !== 4 || vb.some((n) => !Number.isFinite(n))) throw new Error('Graphviz output has no usable viewBox');
    const [, , w, h] = vb as [number, number, number, number];
    attrs.push(`viewBox="${vb.join(' ')}"`, `width="${Math.ceil(w)}"`, `height="${Math.ceil(h)}"`);
    classes.push('diagram-svg');
  } else {
    for (const [name, value] of tag.attrs) {
      const rule = allowed[name];
      if (rule && rule.test(value)) attrs.push(`${name}="${escapeXml(name === 'transform' ? value.trim() : compactNumbers(value))}"`);
    }
  }
  if (tag.name === 'g') {
    for (const c of (tag.attrs.get('class') ?? '').split(/\s+/)) if (CLASS_TOKEN.test(c)) classes.push(c);
  }
  if (SHAPES.has(tag.name)) {
    if (isColour(tag.attrs.get('stroke')) || !tag.attrs.has('stroke')) classes.push('s');
    if (isColour(tag.attrs.get('fill'))) classes.push('f');
    else attrs.push('fill="none"');
  }
  const cls = classes.length ? ` class="${classes.join(' ')}"` : '';
  const selfClose = SHAPES.has(tag.name) && tag.selfClose ? '/' : '';
  return `<${tag.name}${cls}${attrs.length ? ` ${attrs.join(' ')}` : ''}${selfClose}>`;
}

// ---------------------------------------------------------------------------------------------
// Content build and check

/** Every string in a bundle (questions, work samples, topics, case studies, design loops…). */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

/**
 * Renders every ```dot fence found in any Markdown string of the bundle. Returns the map for the
 * bundle's `diagrams` field (key: diagramKey of the DOT source) and any sources that failed.
 */
export function renderBundleDiagrams(bundle: object, renderer: DiagramRenderer): { diagrams: Record<string, string>; failed: { source: string; errors: DiagramError[] }[] } {
  const diagrams: Record<string, string> = {};
  const failed: { source: string; errors: DiagramError[] }[] = [];
  for (const s of strings(bundle)) {
    if (!s.includes('```') && !s.includes('~~~')) continue;
    for (const d of findDiagrams(s)) {
      const key = diagramKey(d.source);
      if (key in diagrams) continue;
      const r = renderer.render(d.source);
      if (r.ok) diagrams[key] = r.svg;
      else failed.push({ source: d.source, errors: r.errors });
    }
  }
  return { diagrams, failed };
}

/** Problems with one diagram at its place in a file: shape (caption, nesting) and whether Graphviz can lay it out. */
export function diagramErrors(file: string, d: FoundDiagram, renderer: DiagramRenderer): ContentError[] {
  const shape = diagramShapeProblems(d);
  const errors: ContentError[] = shape ? [{ file, line: d.line, message: shape }] : [];
  const r = renderer.render(d.source);
  // The DOT starts on the line after the opening fence.
  if (!r.ok) for (const e of r.errors) errors.push({ file, line: d.line + e.line, message: e.message });
  return errors;
}

/** `content check`/`build`: every ```dot fence in every Markdown file under `root`, as file:line errors. */
export function checkDiagramsInDir(root: string, renderer: DiagramRenderer): { errors: ContentError[]; count: number } {
  const errors: ContentError[] = [];
  let count = 0;
  for (const file of markdownFilesDeep(root)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('```') && !text.includes('~~~')) continue;
    for (const d of findDiagrams(text)) {
      count++;
      errors.push(...diagramErrors(file, d, renderer));
    }
  }
  return { errors, count };
}

function markdownFilesDeep(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      // Work-sample files are code under review, not content Markdown.
      if (e.name === 'files' || e.name === 'reference' || e.name === 'mutants' || e.name === 'checks') continue;
      out.push(...markdownFilesDeep(p));
    } else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
  return out;
}
