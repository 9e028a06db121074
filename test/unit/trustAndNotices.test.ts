import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ChangeNotice } from '../../src/core/changeNotice';
import { effectiveSetting, ignoredWorkspaceSettings, RESTRICTED_SETTINGS } from '../../src/core/trust';

describe('untrusted workspaces cannot change scheduling or timers', () => {
  it('package.json restricts exactly the settings the code reads through the trust check', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } } };
    assert.deepEqual(
      [...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(),
      RESTRICTED_SETTINGS.map((k) => `interviewPractice.${k}`).sort(),
    );
    for (const k of ['answerTimer', 'desiredRetention', 'newQuestionsPerDay', 'releaseAllFollowUps', 'interviewDate']) assert.ok((RESTRICTED_SETTINGS as readonly string[]).includes(k), k);
  });

  it('ignores workspace and folder values when untrusted, keeps user values', () => {
    const inspected = { defaultValue: 0.9, globalValue: 0.85, workspaceValue: 0.7, workspaceFolderValue: 0.97 };
    assert.equal(effectiveSetting(inspected, true, 0.9), 0.97);
    assert.equal(effectiveSetting(inspected, false, 0.9), 0.85);
    assert.equal(effectiveSetting({ defaultValue: false, workspaceValue: true }, false, false), false);
    assert.equal(effectiveSetting({ defaultValue: false, workspaceValue: true }, true, false), true);
    assert.equal(effectiveSetting(undefined, false, 10), 10);
  });

  it('names each workspace-sourced setting that is ignored, and none when trusted', () => {
    const inspections = {
      'interviewPractice.answerTimer': { defaultValue: false, workspaceValue: true },
      'interviewPractice.newQuestionsPerDay': { defaultValue: 10, workspaceFolderValue: 200 },
      'interviewPractice.desiredRetention': { defaultValue: 0.9, globalValue: 0.8 },
      'interviewPractice.interviewDate': undefined,
    };
    assert.deepEqual(ignoredWorkspaceSettings(inspections, false), ['interviewPractice.answerTimer', 'interviewPractice.newQuestionsPerDay']);
    assert.deepEqual(ignoredWorkspaceSettings(inspections, true), []);
  });
});

describe('content problems are reported once per change of the set', () => {
  it('counts one notification per distinct set, none for a repeat or an empty set', () => {
    const notice = new ChangeNotice();
    let shown = 0;
    const report = (problems: string[]) => {
      if (notice.shouldReport(problems)) shown++;
    };
    report(['a.md:1: bad', 'b.md:2: worse']);
    report(['b.md:2: worse', 'a.md:1: bad']); // the same set again (a reload, a second caller at start)
    assert.equal(shown, 1);
    report(['a.md:1: bad']);
    assert.equal(shown, 2, 'a changed set is reported');
    report([]);
    report([]);
    assert.equal(shown, 2, 'no problems, no notification');
    report(['a.md:1: bad']);
    assert.equal(shown, 3, 'problems that come back are reported again');
  });
});
