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
import { current, hoverMark, markAt, marks } from './marks';

let site: Site;
let browser: Browser;
let page: Page;
let url: string;

/** The page's own record, from before Nameplate ran (an init script in the page's world): its body and every mutation since. */
const PAGE_WATCH = `
  document.addEventListener('DOMContentLoaded', () => {
    window.__before = document.body.outerHTML;
    window.__mutations = 0;
    new MutationObserver((rs) => { window.__mutations += rs.length; }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  });`;

/** Send the keyboard command's message to the article's tab, as the worker does on the shortcut. */
const step = (by: 1 | -1) =>
  browser.worker.evaluate(async ([u, by]) => {
    const [tab] = await chrome.tabs.query({ url: u });
    await chrome.tabs.sendMessage(tab.id!, { type: 'step', by });
  }, [url, by] as const);

beforeAll(async () => {
  site = await serve();
  browser = await launch();
  url = `${site.origin}/samples/channel-crossings.html`;
  page = await openAnnotated(browser, url, PAGE_WATCH);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the sample article in Chromium', () => {
  it('marks Cleverly, Darmanin and Sunak, and not the byline', async () => {
    const marked = await marks(page);
    expect(marked).toEqual(expect.arrayContaining(['James Cleverly', 'Gerald Darmanin', 'Rishi Sunak', 'Cleverly', 'Darmanin', 'Sunak', 'stop the boats']));
    expect(await marks(page, '.byline')).toEqual([]);
    expect(await marks(page, 'figcaption')).toEqual([]);
    // The headline's bare surname resolves because the body names James Cleverly.
    expect(await marks(page, 'h1')).toEqual(['Cleverly']);
  });

  it('draws the marks without changing the page: no element, attribute or text added, no tab stop', async () => {
    const dom = await page.evaluate(() => ({ same: document.body.outerHTML === (window as unknown as { __before: string }).__before, mutations: (window as unknown as { __mutations: number }).__mutations }));
    expect(dom).toEqual({ same: true, mutations: 0 });
    expect(await page.evaluate(() => document.querySelectorAll('np-mention, [tabindex]').length)).toBe(0);
  });

  it('shows the office on the article date when hovering "James Cleverly"', async () => {
    const at = await hoverMark(page, 'James Cleverly');
    const text = await until(() => cardText(page), 3000, 'the card');
    expect(text).toContain('James Cleverly');
    expect(text).toContain('Home Secretary');
    expect(text).toContain('13 Nov 2023 – 5 Jul 2024');
    expect(text).toContain('Conservative');
    expect(await current(page)).toBe('James Cleverly');
    // The card hangs from the words, not from somewhere else on the page.
    const card = await page.locator('nameplate-card').boundingBox();
    expect(card!.y).toBeGreaterThan(at.y);
    expect(card!.y - at.y).toBeLessThan(40);
    expect(Math.abs(card!.x - at.x)).toBeLessThan(200);
    await page.screenshot({ path: screenshotPath('tooltip.png'), clip: { x: Math.max(0, at.x - 80), y: Math.max(0, at.y - 60), width: 460, height: 520 } });
    // Only the card's host was added, and only on hover.
    expect(await page.evaluate(() => [...document.documentElement.children].map((e) => e.tagName.toLowerCase()))).toEqual(['head', 'body', 'nameplate-card']);
    await page.mouse.move(5, 5);
    await until(async () => (await cardText(page)) === null, 3000, 'the card to close');
    expect(await current(page)).toBe(null);
  });

  it('shows a pledge with its status, the status date and the sources of both', async () => {
    const data = JSON.parse(readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8'));
    const pledge = data.pledges.find((p: { id: string }) => p.id === 'uk-stop-the-boats');
    await hoverMark(page, 'stop the boats');
    const text = await until(() => cardText(page), 3000, 'the pledge card');
    expect(text).toContain('stop the boats');
    expect(text).toContain(`Source: ${pledge.url}`);
    expect(text).toContain(`Status: ${pledge.status.url}`);
    await page.mouse.move(5, 5);
    await until(async () => (await cardText(page)) === null, 3000, 'the card to close');
  });

  it('a touch on a mark opens its card at once; a touch elsewhere closes it', async () => {
    const at = (await markAt(page, 'Gerald Darmanin'))!;
    const cdp = await page.context().newCDPSession(page);
    const touch = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await touch(at.x, at.y);
    expect(await until(() => cardText(page), 1000, 'the card')).toContain('Minister of the Interior');
    await touch(5, at.y + 300);
    await until(async () => (await cardText(page)) === null, 3000, 'the card to close');
    await cdp.detach();
  });

  it('the keyboard path: next and previous mention, the card announced with focus in it, Escape returns focus', async () => {
    // The reader is in the textarea, at the top of the page: the path starts from there.
    await page.evaluate(() => {
      document.querySelector('textarea')!.focus({ preventScroll: true });
      scrollTo(0, 0);
    }); // the path starts from the reader's place on the page
    await step(1);
    await until(async () => (await current(page)) === 'Cleverly', 3000, 'the headline mention');
    expect(await until(() => cardText(page), 3000, 'the card')).toContain('Home Secretary');
    // Focus is in the card, which is a dialog named after the person: screen readers announce it.
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, role: document.activeElement?.getAttribute('role') }));
    expect(focused).toEqual({ tag: 'NAMEPLATE-CARD', role: 'dialog' });
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
    await cdp.detach();
    const dialog = nodes.find((n) => n.role?.value === 'dialog');
    expect(dialog?.name?.value).toBe('James Cleverly');
    await step(1);
    await until(async () => (await current(page)) === 'James Cleverly', 3000, 'the next mention');
    await step(1);
    await until(async () => (await current(page)) === 'interior minister', 3000, 'the one after');
    await step(-1);
    await until(async () => (await current(page)) === 'James Cleverly', 3000, 'the previous mention');
    // Far down the page: scrolled into view.
    for (let i = 0; i < 6; i++) await step(1);
    const last = (await until(() => current(page), 3000, 'a mention'))!;
    const lastMarks = await marks(page);
    expect(lastMarks).toContain(last);
    await page.keyboard.press('Escape');
    await until(async () => (await cardText(page)) === null, 3000, 'the card to close');
    expect(await current(page)).toBe(null);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  });

  it('a card opened from the keyboard closes on a click elsewhere, and focus stays where the reader clicked', async () => {
    await page.evaluate(() => {
      document.querySelector('textarea')!.focus({ preventScroll: true });
      scrollTo(0, 0);
    });
    await step(1);
    await until(() => cardText(page), 3000, 'the card');
    await page.mouse.click(5, 5);
    await until(async () => (await cardText(page)) === null, 3000, 'the card to close');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    expect(await current(page)).toBe(null);
  });

  it('leaves textarea and contenteditable content untouched', async () => {
    expect(await page.locator('textarea').inputValue()).toBe('I doubt James Cleverly and Gerald Darmanin will agree for long.');
    expect(await marks(page, '[contenteditable]')).toEqual([]);
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
    // The keyboard shortcuts, as the browser has them bound (the manifest's suggestion here).
    const keys = await options.locator('#keyboard').innerText();
    expect(keys).toMatch(/Alt\+Shift\+Period\s+Next name on the page/);
    expect(keys).toMatch(/Alt\+Shift\+Comma\s+Previous name on the page/);
    expect(keys).toContain('chrome://extensions/shortcuts');
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
