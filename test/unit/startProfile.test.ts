// npm start's profile helpers (scripts/lib/startProfile.mjs): plain node, no VS Code.
import assert from 'node:assert/strict';
import { choosePort, mergeSettings, parseJsonc, rememberedPort } from '../../scripts/lib/startProfile.mjs';

describe('npm start profile', () => {
  describe('parseJsonc', () => {
    it('reads comments and trailing commas the way settings.json allows', () => {
      const r = parseJsonc('{\n  // the date\n  "interviewPractice.interviewDate": "2031-05-01", /* block */\n  "a": [1, 2,],\n}\n');
      assert.deepEqual(r, { ok: true, value: { 'interviewPractice.interviewDate': '2031-05-01', a: [1, 2] } });
    });

    it('leaves comment markers and ",}" inside strings alone', () => {
      const r = parseJsonc('{ "url": "http://x//y", "s": "a,}", "q": "say \\"/*hi*/\\"" }');
      assert.deepEqual(r, { ok: true, value: { url: 'http://x//y', s: 'a,}', q: 'say "/*hi*/"' } });
    });

    it('treats an empty file as an empty object and reports what it cannot read', () => {
      assert.deepEqual(parseJsonc('  \n'), { ok: true, value: {} });
      assert.equal(parseJsonc('{ "a": }').ok, false);
      assert.equal(parseJsonc('{ /* never closed').ok, false);
    });
  });

  describe('mergeSettings', () => {
    const needed = { required: { 'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false }, defaults: { 'workbench.colorTheme': 'Default Dark Modern' } };

    it('keeps every key the user set and writes plain JSON without comments', () => {
      const r = mergeSettings('{\n  // mine\n  "interviewPractice.interviewDate": "2031-05-01",\n  "editor.fontSize": 16,\n}', needed);
      assert.equal(r.changed, true);
      assert.ok(r.text);
      assert.doesNotMatch(r.text, /\/\/|\/\*/);
      assert.deepEqual(JSON.parse(r.text), {
        'interviewPractice.interviewDate': '2031-05-01',
        'editor.fontSize': 16,
        'workbench.colorTheme': 'Default Dark Modern',
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
      });
    });

    it('sets required keys but never overrides a default the user changed', () => {
      const r = mergeSettings('{ "workbench.colorTheme": "Default Light Modern", "telemetry.telemetryLevel": "all" }', needed);
      assert.ok(r.text);
      const out = JSON.parse(r.text) as Record<string, unknown>;
      assert.equal(out['workbench.colorTheme'], 'Default Light Modern');
      assert.equal(out['telemetry.telemetryLevel'], 'off');
    });

    it('leaves a file that already has what is needed untouched, comments included', () => {
      const text = '{\n  // keep me\n  "workbench.colorTheme": "Solarized",\n  "telemetry.telemetryLevel": "off",\n  "security.workspace.trust.enabled": false,\n}\n';
      assert.deepEqual(mergeSettings(text, needed).changed, false);
      assert.equal(mergeSettings(text, needed).text, text);
    });

    it('writes the needed keys into a missing or empty file', () => {
      for (const text of [undefined, '']) {
        const r = mergeSettings(text, needed);
        assert.equal(r.changed, true);
        assert.deepEqual(Object.keys(JSON.parse(r.text ?? '{}') as object).sort(), ['security.workspace.trust.enabled', 'telemetry.telemetryLevel', 'workbench.colorTheme']);
      }
    });

    it('refuses to rewrite what it cannot parse (or what is not an object)', () => {
      for (const text of ['{ "interviewPractice.interviewDate": "2031-05-01" oops }', '[1, 2]', 'null']) {
        const r = mergeSettings(text, needed);
        assert.equal(r.changed, false);
        assert.equal(r.text, undefined);
        assert.ok(r.error);
      }
    });
  });

  describe('choosePort', () => {
    const newPort = async () => 40123;

    it('prefers the remembered port when it is free', async () => {
      const asked: number[] = [];
      const r = await choosePort({ remembered: 38001, isFree: async (p) => (asked.push(p), true), newPort });
      assert.deepEqual(r, { port: 38001, reason: 'remembered' });
      assert.deepEqual(asked, [38001]);
    });

    it('takes a new port when the remembered one is busy, or none was remembered', async () => {
      assert.deepEqual(await choosePort({ remembered: 38001, isFree: async () => false, newPort }), { port: 40123, reason: 'remembered-busy' });
      assert.deepEqual(await choosePort({ isFree: async () => true, newPort }), { port: 40123, reason: 'new' });
    });

    it('uses an explicit PORT without asking', async () => {
      assert.deepEqual(await choosePort({ requested: 8080, remembered: 38001, isFree: async () => assert.fail('not asked'), newPort }), { port: 8080, reason: 'requested' });
    });

    it('reads the remembered port from start.json, ignoring garbage', () => {
      assert.equal(rememberedPort('{ "port": 38001 }'), 38001);
      assert.equal(rememberedPort(undefined), undefined);
      assert.equal(rememberedPort('{ "port": "38001" }'), undefined);
      assert.equal(rememberedPort('{ "port": 70000 }'), undefined);
      assert.equal(rememberedPort('not json'), undefined);
    });
  });
});
