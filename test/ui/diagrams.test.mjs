import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CODE_SERVER } from '../../scripts/lib/codeServer.mjs';
import { bank, openWorkbench, runCommand, shot, SHOTS, webviewFrame } from './workbench.mjs';

const content = bank();
const question = content.questions.find((q) => q.id === 'saga-choreography-vs-orchestration');

const THEME_FILES = { 'Default Dark Modern': 'dark_modern.json', 'Default Light Modern': 'light_modern.json' };

/** A built-in theme's colours, following its "include" chain, from the VS Code that code-server ships. */
function themeColours(theme) {
  const dir = join(dirname(CODE_SERVER), '..', '..', 'lib', 'vscode', 'extensions', 'theme-defaults', 'themes');
  const read = (file) => {
    const t = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    return { ...(t.include ? read(t.include.replace(/^\.\//, '')) : {}), ...t.colors };
  };
  return read(THEME_FILES[theme]);
}

/**
 * The panel in a theme. The workbench is asked for the theme through its settings; where the
 * browser build does not register the built-in themes (code-server here lists no colour themes at
 * all), the theme's own colours are applied to the webview exactly as VS Code would: as
 * --vscode-* variables on its root element.
 */
async function applyTheme(frame, theme) {
  const colours = themeColours(theme);
  const current = await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-foreground').trim().toLowerCase());
  if (current === colours['editor.foreground'].toLowerCase()) return 'workbench';
  await frame.evaluate(({ colours, dark }) => {
    for (const [k, v] of Object.entries(colours)) document.documentElement.style.setProperty(`--vscode-${k.replace(/\./g, '-')}`, v);
    document.body.classList.remove('vscode-light', 'vscode-dark');
    document.body.classList.add(dark ? 'vscode-dark' : 'vscode-light');
  }, { colours, dark: theme.includes('Dark') });
  return 'theme file';
}

/** Opens the saga question through Search Questions, reveals the answer and reads its diagram. */
async function diagramIn(theme, shotName) {
  const wb = await openWorkbench({ settings: { 'workbench.colorTheme': theme } });
  try {
    const { page } = wb;
    await runCommand(page, 'Interview Practice: Search Questions');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.pressSequentially('saga choreography', { delay: 30 });
    const row = page.locator(`.quick-input-list .monaco-list-row:has-text(${JSON.stringify(question.title)})`).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const frame = await webviewFrame(page, '#reveal', { where: async (f) => (await f.locator('#title').innerText()) === question.title });
    await frame.locator('#reveal').click();
    const source = await applyTheme(frame, theme);
    const figure = frame.locator('#model-answer figure.diagram').first();
    await figure.waitFor({ state: 'visible' });
    const svg = figure.locator('svg.diagram-svg');
    assert.equal(await svg.isVisible(), true, 'the diagram SVG is visible');
    const box = await svg.boundingBox();
    assert.ok(box && box.width > 200 && box.height > 60, `the diagram has a real size (${JSON.stringify(box)})`);
    assert.equal(await svg.getAttribute('role'), 'img');
    const label = await svg.getAttribute('aria-label');
    assert.match(label ?? '', /^in choreography the order service/);
    assert.equal((await figure.locator('figcaption').innerText()).trim(), label, 'the text alternative is also the visible caption');
    assert.equal(await frame.locator('#model-answer pre code.language-dot').count(), 0, 'the DOT source is not shown');
    const colours = await svg.evaluate((el) => {
      const text = el.querySelector('.node text');
      const shape = el.querySelector('.node .s');
      return { text: getComputedStyle(text).fill, stroke: getComputedStyle(shape).stroke, fg: getComputedStyle(document.body).getPropertyValue('--vscode-editor-foreground').trim() };
    });
    await figure.scrollIntoViewIfNeeded();
    if (source === 'workbench') await shot(page, shotName);
    else {
      // The workbench around the panel keeps its own theme: show the panel's diagram on its own.
      mkdirSync(SHOTS, { recursive: true });
      await figure.screenshot({ path: join(SHOTS, `${shotName}.png`) });
    }
    return { ...colours, source };
  } finally {
    await wb.close();
  }
}

describe('UI journey: diagrams in the editor\'s theme', function () {
  this.timeout(240_000);

  it('opens a question with a diagram from Search, sees the SVG, and its text colour follows the theme', async () => {
    assert.ok(question, 'the bank has the saga question');
    assert.ok(question.answer.includes('```dot'), 'its answer has a diagram');
    const dark = await diagramIn('Default Dark Modern', 'diagram-dark');
    const light = await diagramIn('Default Light Modern', 'diagram-light');
    assert.notEqual(dark.text, light.text, `text fill differs between dark (${dark.text}) and light (${light.text})`);
    assert.notEqual(dark.stroke, light.stroke, 'shape strokes differ too');
    assert.ok(dark.fg && light.fg && dark.fg !== light.fg, 'the theme variables differ');
  });
});
