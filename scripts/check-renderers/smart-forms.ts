// CSIRO Smart Forms (@aehrc/smart-forms-renderer) for npm run check:renderers. It is a React
// library with about 740 packages (MUI, emotion, fhirclient, …), so it is not a devDependency of
// meldcode: package.json and package-lock.json here pin it, `npm ci --ignore-scripts` installs it
// into node_modules/.cache/renderers/smart-forms, and esbuild (a devDependency already) bundles
// smart-forms-entry.mjs with it into one script and its fonts, served from 127.0.0.1.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Renderer } from '../check-renderers.js';

const here = import.meta.dirname;
const root = resolve(here, '..', '..');

async function files(): Promise<{ dir: string; page: string }> {
  const lock = readFileSync(join(here, 'package-lock.json'));
  const dir = join(root, 'node_modules', '.cache', 'renderers', `smart-forms-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
  if (!existsSync(join(dir, 'node_modules', '@aehrc', 'smart-forms-renderer', 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(here, f), join(dir, f));
    // --ignore-scripts: two packages have install scripts (fhirpath's demo, core-js's banner) that the bundle does not need.
    // --legacy-peer-deps (the lock is made with it too): npm would otherwise add the peers of
    // fhirclient's expo-random, expo and react-native, 436 packages the browser bundle never
    // loads; without them the install took 52 s instead of 116 s (315 packages, not 751).
    // Async: LHC-Forms renders meanwhile.
    await promisify(execFile)('npm', ['ci', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  }
  const out = join(dir, 'dist');
  if (!existsSync(join(out, 'smart-forms-entry.js'))) {
    await build({
      entryPoints: [join(here, 'smart-forms-entry.mjs')],
      bundle: true,
      format: 'esm',
      minify: true,
      outdir: out,
      nodePaths: [join(dir, 'node_modules')],
      loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
  }
  const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<link rel="stylesheet" href="smart-forms-entry.css">
<script src="smart-forms-entry.js" type="module"></script>
</head><body><div id="form"></div></body></html>`;
  return { dir: out, page };
}

const item = (linkId: string) => `[data-linkid="${linkId}"]`;
const input = (linkId: string) => `${item(linkId)} input`;

export const smartForms: Renderer = {
  name: 'smart-forms',
  files,
  ready: async (page) => {
    await page.waitForFunction(() => (window as unknown as { smartFormsReady?: boolean }).smartFormsReady === true);
  },
  async render(page, questionnaire) {
    await page.evaluate(async (q) => {
      await (window as unknown as { smartForms: { render: (q: unknown) => Promise<void> } }).smartForms.render(q);
    }, questionnaire as unknown as Record<string, unknown>);
    await page.waitForSelector('[data-linkid]');
  },
  async optionLabels(page, linkId) {
    await page.click(`[id="choice-${linkId}"]`);
    const options = page.locator('[role="listbox"] [role="option"]');
    await options.first().waitFor();
    const labels = (await options.allTextContents()).map((t) => t.trim());
    await page.keyboard.press('Escape');
    return labels;
  },
  async choose(page, linkId, label) {
    const box = `[id="choice-${linkId}"]`;
    await page.waitForSelector(box);
    await page.click(box);
    const options = page.locator('[role="listbox"] [role="option"]');
    await options.first().waitFor();
    const texts = (await options.allTextContents()).map((t) => t.trim());
    const index = texts.indexOf(label);
    if (index < 0) throw new Error(`${linkId}: no option "${label}" among ${texts.join(' | ')}`);
    await options.nth(index).click();
    await page.locator('[role="listbox"]').waitFor({ state: 'detached' });
  },
  async typeNumber(page, linkId, value) {
    await page.waitForSelector(input(linkId));
    await page.fill(input(linkId), String(value));
    await page.press(input(linkId), 'Tab');
    // The renderer updates its store after a short debounce.
    await page.waitForTimeout(400);
  },
  async numberError(page, linkId) {
    const texts = await page.$$eval(`${item(linkId)} .Mui-error, ${item(linkId)} .MuiFormHelperText-root`, (els) => els.map((e) => e.textContent?.trim() ?? '').filter(Boolean));
    return texts.length > 0 ? texts.join(' ') : undefined;
  },
  async help(page: Page, linkId) {
    // Smart Forms draws the flyover as a "?" icon in the label; its text opens in a popover.
    const icon = page.locator(`[id="label-${linkId}"] svg`).first();
    // 5 s, not the page's 10: the form is drawn by now, and the help control waits for an icon that is not there.
    await icon.hover({ timeout: 5000 });
    const popover = page.locator('.MuiPopover-root').first();
    await popover.waitFor({ timeout: 5000 });
    const text = (await popover.textContent())?.trim();
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    return text;
  },
  response: (page) => page.evaluate(() => (window as unknown as { smartForms: { response: () => unknown } }).smartForms.response()) as never,
};
