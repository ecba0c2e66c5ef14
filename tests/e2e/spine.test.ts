/**
 * The spine, end to end in real Chromium: the built extension on the sample
 * article served from 127.0.0.1 — marks, hover card, keyboard, popup, options.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { chromium, type Page } from 'playwright-core';
import { ROOT, cardText, launch, openAnnotated, screenshotPath, serve, until, type Browser, type Site } from './harness';

let site: Site;
let browser: Browser;
let page: Page;
let url: string;

const mentionsOf = (p: Page, text: string) => p.locator('np-mention', { hasText: text });

beforeAll(async () => {
  site = await serve();
  browser = await launch();
  url = `${site.origin}/samples/channel-crossings.html`;
  page = await openAnnotated(browser, url);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the sample article in Chromium', () => {
  it('marks Cleverly, Darmanin and Sunak, and not the byline', async () => {
    const marked = await page.locator('np-mention[data-kind="person"]').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['James Cleverly', 'Gerald Darmanin', 'Rishi Sunak', 'Cleverly', 'Darmanin', 'Sunak']));
    expect(await page.locator('.byline np-mention').count()).toBe(0);
    expect(await page.locator('figcaption np-mention').count()).toBe(0);
    // The headline's bare surname resolves because the body names James Cleverly.
    expect(await page.locator('h1 np-mention').allTextContents()).toEqual(['Cleverly']);
    expect(await page.locator('np-mention[data-kind="pledge"]').allTextContents()).toEqual(['stop the boats']);
  });

  it('shows the office on the article date when hovering "James Cleverly"', async () => {
    const mention = mentionsOf(page, 'James Cleverly').first();
    await mention.hover();
    const text = await until(() => cardText(page), 3000, 'the card');
    expect(text).toContain('James Cleverly');
    expect(text).toContain('Home Secretary');
    expect(text).toContain('13 Nov 2023 – 5 Jul 2024');
    expect(text).toContain('Conservative');
    await page.screenshot({ path: screenshotPath('tooltip.png'), clip: await clipAround(page, mention) });
    await page.mouse.move(5, 5);
    await until(async () => (await cardText(page)) === null, 3000, 'the card to close');
  });

  it('shows a pledge with its status, the status date and the sources of both', async () => {
    const data = JSON.parse(readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8'));
    const pledge = data.pledges.find((p: { id: string }) => p.id === 'uk-stop-the-boats');
    await page.locator('np-mention[data-kind="pledge"]').first().hover();
    const text = await until(() => cardText(page), 3000, 'the pledge card');
    expect(text).toContain('stop the boats');
    expect(text).toContain(`Source: ${pledge.url}`);
    expect(text).toContain(`Status: ${pledge.status.url}`);
    await page.mouse.move(5, 5);
    await until(async () => (await cardText(page)) === null, 3000, 'the card to close');
  });

  it('opens the same card on keyboard focus, announces it, and closes it with Escape', async () => {
    const mention = mentionsOf(page, 'James Cleverly').first();
    await mention.focus();
    const text = await until(() => cardText(page), 3000, 'the card');
    expect(text).toContain('Home Secretary');
    const describedBy = await mention.getAttribute('aria-describedby');
    expect(describedBy).toMatch(/^nameplate-card-/);
    expect(await page.locator(`#${describedBy}`).getAttribute('role')).toBe('tooltip');
    await page.keyboard.press('Escape');
    await until(async () => (await cardText(page)) === null, 3000, 'the card to close');
  });

  it('leaves textarea and contenteditable content untouched', async () => {
    expect(await page.locator('textarea').inputValue()).toBe('I doubt James Cleverly and Gerald Darmanin will agree for long.');
    expect(await page.locator('[contenteditable] np-mention').count()).toBe(0);
    expect(await page.locator('[contenteditable]').innerHTML()).toBe('Reader note: ask Rishi Sunak about this.');
  });

  it('keeps the article text exactly as written', async () => {
    const { document } = parseHTML(readFileSync(join(ROOT, 'samples', 'channel-crossings.html'), 'utf8'));
    const expected = document.querySelector('article')!.textContent;
    expect(await page.locator('article').evaluate((a) => a.textContent)).toBe(expected);
  });

  it('lists the three figures in the toolbar popup', async () => {
    await page.bringToFront();
    await browser.worker.evaluate(() => chrome.action.openPopup());
    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${browser.cdpPort}`);
    try {
      const popup = await until(async () => cdp.contexts().flatMap((c) => c.pages()).find((p) => p.url().includes('/src/popup/index.html')), 10_000, 'the popup');
      await popup.waitForSelector('ul.figures .who', { timeout: 10_000 });
      const names = await popup.locator('ul.figures .who').allTextContents();
      expect(names.sort()).toEqual(['Gérald Darmanin', 'James Cleverly', 'Rishi Sunak']);
      const body = await popup.locator('body').innerText();
      expect(body).toContain('Home Secretary');
      expect(body).toContain('stop the boats');
      expect(body).toContain('31 Jan 2024');
    } finally {
      await cdp.close();
    }
  });

  it('shows the data sources on the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.waitForSelector('tr[data-source="ifg"]');
    expect(await options.locator('tr[data-source="ifg"]').innerText()).toContain('IfG Ministers Database');
    expect(await options.locator('body').innerText()).toContain('CC BY 4.0');
    await options.close();
  });

  it('built manifest exposes no file to pages (nothing to fingerprint)', () => {
    const built = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8'));
    expect(built.web_accessible_resources).toBeUndefined();
    expect(built.externally_connectable).toBeUndefined();
  });

  it('sends no request anywhere but 127.0.0.1', () => {
    const foreign = browser.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:)/.test(u));
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });
});

async function clipAround(_page: Page, mention: ReturnType<Page['locator']>) {
  const box = (await mention.boundingBox())!;
  const x = Math.max(0, box.x - 40);
  const y = Math.max(0, box.y - 60);
  return { x, y, width: 460, height: 520 };
}
