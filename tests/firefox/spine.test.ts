/**
 * The spine in real Firefox (Debian firefox-esr, headless, WebDriver BiDi):
 * dist-firefox/ as a temporary add-on on the sample article served from
 * 127.0.0.1 — marks, the hover card, keyboard focus, popup and options page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serve, until, type Site } from '../e2e/harness';
import { cardText, launchFirefox, openAnnotated, openExtensionPage, type Firefox } from './firefox';

let site: Site;
let ff: Firefox;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  site = await serve();
  ff = await launchFirefox();
  page = await openAnnotated(ff, `${site.origin}/samples/channel-crossings.html`, requests);
});

afterAll(async () => {
  await ff?.close();
  await site?.close();
});

const mention = async (text: string) => {
  const el = await page.waitForSelector(`np-mention[data-kind="person"] ::-p-text(${text})`);
  if (!el) throw new Error(`no mention "${text}"`);
  return el;
};

describe('the sample article in Firefox', () => {
  it('marks Cleverly, Darmanin and Sunak, and not the byline', async () => {
    const marked = await page.$$eval('np-mention[data-kind="person"]', (els) => els.map((e) => e.textContent));
    expect(marked).toEqual(expect.arrayContaining(['James Cleverly', 'Gerald Darmanin', 'Rishi Sunak', 'Cleverly', 'Darmanin', 'Sunak']));
    expect(await page.$$eval('.byline np-mention', (els) => els.length)).toBe(0);
    expect(await page.$$eval('h1 np-mention', (els) => els.map((e) => e.textContent))).toEqual(['Cleverly']);
    expect(await page.$$eval('np-mention[data-kind="pledge"]', (els) => els.map((e) => e.textContent))).toEqual(['stop the boats']);
  });

  it('shows the office on the article date when hovering "James Cleverly"', async () => {
    await (await mention('James Cleverly')).hover();
    const text = await until(() => cardText(ff, page), 5000, 'the card');
    expect(text).toContain('James Cleverly');
    expect(text).toContain('Home Secretary');
    expect(text).toContain('13 Nov 2023 – 5 Jul 2024');
    expect(text).toContain('Conservative');
    await page.mouse.move(5, 5);
    await until(async () => (await cardText(ff, page)) === null, 5000, 'the card to close');
  });

  it('opens the same card on keyboard focus and closes it with Escape', async () => {
    const el = await mention('James Cleverly');
    await el.focus();
    const text = await until(() => cardText(ff, page), 5000, 'the card');
    expect(text).toContain('Home Secretary');
    const describedBy = await el.evaluate((e) => e.getAttribute('aria-describedby'));
    expect(describedBy).toMatch(/^nameplate-card-/);
    expect(await page.$eval(`#${describedBy}`, (e) => e.getAttribute('role'))).toBe('tooltip');
    await page.keyboard.press('Escape');
    await until(async () => (await cardText(ff, page)) === null, 5000, 'the card to close');
  });

  it('lists the three figures in the toolbar popup', async () => {
    await page.bringToFront();
    const popup = await openExtensionPage(ff, 'src/popup/index.html');
    const names = await until(async () => {
      const who = await popup.value<string[]>(`[...document.querySelectorAll('ul.figures .who')].map((e) => e.textContent)`);
      return who.length ? who : undefined;
    }, 10_000, 'the popup to list figures');
    expect(names.sort()).toEqual(['Gérald Darmanin', 'James Cleverly', 'Rishi Sunak']);
    const body = await popup.value<string>('document.body.innerText');
    expect(body).toContain('Home Secretary');
    expect(body).toContain('stop the boats');
    expect(body).toContain('31 Jan 2024');
    await ff.bidi.send('browsingContext.close', { context: popup.context });
  });

  it('shows the data sources on the options page', async () => {
    const options = await openExtensionPage(ff, 'src/options/index.html');
    const row = await until(() => options.value<string | null>(`document.querySelector('tr[data-source="ifg"]')?.innerText ?? null`), 10_000, 'the sources table');
    expect(row).toContain('IfG Ministers Database');
    expect(await options.value<string>('document.body.innerText')).toContain('CC BY 4.0');
    await ff.bidi.send('browsingContext.close', { context: options.context });
  });

  it('sends no request from the article anywhere but 127.0.0.1', () => {
    const foreign = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|moz-extension:|data:|blob:)/.test(u));
    expect(requests.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });
});
