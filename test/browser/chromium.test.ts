import { describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from './chromium';

describe.runIf(browserAvailable())('headless chromium', () => {
  it('starts and runs a script in a page', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="x">meldcode</p>');
      expect(await page.evaluate(() => document.getElementById('x')?.textContent)).toBe('meldcode');
    } finally {
      await browser.close();
    }
  });
});
