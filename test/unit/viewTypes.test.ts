import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { VIEW_TYPES } from '../../src/extension/viewTypes';

/**
 * The panels' view types are listed once (src/extension/viewTypes.ts); package.json must activate
 * on exactly those, or a restored panel of a missing one stays blank after a reload. The in-host
 * test checks that the app registers a panel host for each.
 */
describe('panel view types', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { activationEvents: string[] };

  it("package.json's onWebviewPanel activation events are exactly the panels' view types", () => {
    const activated = manifest.activationEvents.filter((e) => e.startsWith('onWebviewPanel:')).map((e) => e.slice('onWebviewPanel:'.length));
    assert.deepEqual([...activated].sort(), Object.values(VIEW_TYPES).sort());
    assert.equal(new Set(activated).size, activated.length, 'each listed once');
  });

  it('every view type is unique and in the extension namespace', () => {
    const types = Object.values(VIEW_TYPES);
    assert.equal(new Set(types).size, types.length);
    for (const type of types) assert.match(type, /^interviewPractice\.[a-zA-Z]+$/);
  });
});
