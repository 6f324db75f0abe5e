// Screenshots of the web app's key screens for the README, taken in Debian's chromium:
//   npm run build && npm run app:screenshots   → docs/images/web-app-*.png
// The screens: a question with its help and source; a vignette's decision with a reason opened;
// the flowchart with the path taken; the dossier note as printed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/browser/chromium.js';
import { buildApp, root, serveApp } from './web-app.js';

const outDir = join(root, 'docs', 'images');
const appOut = join(root, 'node_modules', '.cache', 'meldcode-web-app-screenshots');
mkdirSync(outDir, { recursive: true });
await buildApp(appOut);
const { server, url } = await serveApp(appOut, 0);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  /** The element, or the part of the page from its top, at most `height` px high. */
  const shot = async (name: string, locator?: string, height = 860) => {
    const path = join(outDir, `web-app-${name}.png`);
    if (!locator) await page.screenshot({ path });
    else {
      const el = page.locator(locator);
      await el.evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 8));
      const box = (await el.boundingBox())!;
      await page.screenshot({ path, clip: { x: 0, y: Math.max(0, box.y - 8), width: 1280, height: Math.min(height, box.height + 16) } });
    }
    console.log(`docs/images/web-app-${name}.png`);
  };
  const current = () => page.locator('#q-form').getAttribute('data-question');
  /** "Don't know" until the question `id` is on screen (the scope questions come first). */
  const skipTo = async (id: string) => {
    for (let i = 0; i < 10 && (await current()) !== id; i++) await page.locator('#q-dont-know').click();
  };
  const yes = async () => {
    await page.locator('#q-form input[value="true"]').check();
    await page.locator('#q-next').click();
  };

  // 1. A question, with its help text and source opened, and the advice forming beside it.
  await page.goto(`${url}?framework=sociaal-domein`);
  await page.waitForSelector('body[data-ready="yes"]');
  await page.locator('#practice').selectOption('vignette-boy-9-foster-care');
  await skipTo('considerations.suspicion');
  await yes();
  await skipTo('considerations.unsafety.disclosure'); // acute, structural: don't know
  await page.locator('#q-source summary').click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('question', 'body', 1000);

  // 2. The decision: disclosure → report (norm 1), with the deciding rule opened to its source.
  await yes(); // disclosure: a victim asks for help
  await page.locator('#advice details[data-rule="afweging-2-ja-norm-1"] summary').first().click();
  await shot('decision', '.columns', 900);

  // 3. The flowchart with the path taken.
  await shot('flowchart', '#chart', 1400);

  // 4. The dossier note, as printed (English).
  await page.locator('#lang-en').click();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 900, height: 1200 });
  await shot('dossier');
} finally {
  await browser.close();
  server.close();
}
