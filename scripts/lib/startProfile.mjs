// Pure helpers for the code-server profile that `npm start` keeps between runs (and the temporary
// ones the tests use): merge only the settings we need into the user's settings.json, and choose
// the port so the browser tab (and its open editors) survive a restart. Unit-tested in
// test/unit/startProfile.test.ts; no VS Code, no file system here.

/**
 * Parses JSON with comments and trailing commas, as VS Code's settings.json allows.
 * Returns `{ ok: true, value }` or `{ ok: false, error }`; never throws.
 */
export function parseJsonc(text) {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      // A string: copied verbatim, escapes included, so "//" inside it is not a comment.
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { ok: false, error: 'unterminated /* comment' };
      out += ' ';
      i = end + 2;
    } else {
      out += c;
      i++;
    }
  }
  // Trailing commas: a comma followed only by whitespace before } or ]. Strings were copied above
  // but may contain ",}" themselves, so remove commas outside strings only.
  let cleaned = '';
  for (let k = 0; k < out.length; k++) {
    const c = out[k];
    if (c === '"') {
      let j = k + 1;
      while (j < out.length && out[j] !== '"') j += out[j] === '\\' ? 2 : 1;
      cleaned += out.slice(k, j + 1);
      k = j;
      continue;
    }
    if (c === ',') {
      let j = k + 1;
      while (j < out.length && /\s/.test(out[j])) j++;
      if (out[j] === '}' || out[j] === ']') continue;
    }
    cleaned += c;
  }
  if (cleaned.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(cleaned) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Merges settings into the text of a settings.json. `required` keys are set to their values;
 * `defaults` only when the key is absent (the user may have changed them). Every other key the
 * file holds is kept. Returns the new text (plain JSON, 2-space indented) and whether it changed;
 * when nothing needs changing the original text (comments and all) is returned untouched, and
 * when the text cannot be parsed, `error` says why and `text` is undefined: leave the file alone.
 */
export function mergeSettings(existingText, { required = {}, defaults = {} } = {}) {
  const parsed = parseJsonc(existingText ?? '');
  if (!parsed.ok) return { changed: false, error: parsed.error };
  const current = parsed.value;
  if (current === null || typeof current !== 'object' || Array.isArray(current)) return { changed: false, error: 'settings.json is not a JSON object' };
  const merged = { ...current };
  let changed = existingText === undefined || existingText.trim() === '';
  for (const [key, value] of Object.entries(defaults)) {
    if (!(key in merged)) {
      merged[key] = value;
      changed = true;
    }
  }
  for (const [key, value] of Object.entries(required)) {
    if (JSON.stringify(merged[key]) !== JSON.stringify(value)) {
      merged[key] = value;
      changed = true;
    }
  }
  return { changed, text: changed ? `${JSON.stringify(merged, null, 2)}\n` : existingText, settings: merged };
}

/**
 * The port to listen on: an explicit one (PORT) first, then the one remembered from the last
 * start when it is free, otherwise a new free one. `isFree` and `newPort` are injected.
 */
export async function choosePort({ requested, remembered, isFree, newPort }) {
  if (Number.isInteger(requested) && requested > 0) return { port: requested, reason: 'requested' };
  if (Number.isInteger(remembered) && remembered > 0 && remembered < 65536 && (await isFree(remembered))) return { port: remembered, reason: 'remembered' };
  return { port: await newPort(), reason: remembered ? 'remembered-busy' : 'new' };
}

/** The remembered port from the profile's start.json text (or undefined when absent or garbled). */
export function rememberedPort(text) {
  if (!text) return undefined;
  const parsed = parseJsonc(text);
  const port = parsed.ok && parsed.value && typeof parsed.value === 'object' ? parsed.value.port : undefined;
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}
