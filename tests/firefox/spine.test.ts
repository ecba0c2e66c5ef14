/**
 * The spine in real Firefox (Debian firefox-esr, headless, WebDriver BiDi):
 * dist-firefox/ as a temporary add-on on the sample article served from
 * 127.0.0.1 — marks, the hover card, keyboard focus, popup and options page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serve, until, type Site } from '../e2e/harness';
import { cardText, launchFirefox, openAnnotated, openExtensionPage, type Firefox } from './firefox';
import { current, hoverMark, markAt, marks } from '../e2e/marks';

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

describe('the sample article in Firefox', () => {
  it('marks Cleverly, Darmanin and Sunak, and not the byline, without changing the page', async () => {
    const marked = await marks(page);
    expect(marked).toEqual(expect.arrayContaining(['James Cleverly', 'Gerald Darmanin', 'Rishi Sunak', 'Cleverly', 'Darmanin', 'Sunak', 'stop the boats']));
    expect(await marks(page, '.byline')).toEqual([]);
    expect(await marks(page, 'h1')).toEqual(['Cleverly']);
    expect(await page.evaluate(() => document.querySelectorAll('np-mention, [tabindex], [data-nameplate]').length)).toBe(0);
  });

  it('shows the office on the article date when hovering "James Cleverly"', async () => {
    await hoverMark(page, 'James Cleverly');
    const text = await until(() => cardText(ff, page), 5000, 'the card');
    expect(text).toContain('James Cleverly');
    expect(text).toContain('Home Secretary');
    expect(text).toContain('13 Nov 2023 – 5 Jul 2024');
    expect(text).toContain('Conservative');
    expect(await current(page)).toBe('James Cleverly');
    await page.mouse.move(5, 5);
    await until(async () => (await cardText(ff, page)) === null, 5000, 'the card to close');
  });

  it('a touch on a mark opens its card at once; a touch elsewhere closes it', async () => {
    const at = (await markAt(page, 'Gerald Darmanin'))!;
    await page.touchscreen.tap(at.x, at.y);
    expect(await until(() => cardText(ff, page), 2000, 'the card')).toContain('Minister of the Interior');
    await page.touchscreen.tap(5, 5);
    await until(async () => (await cardText(ff, page)) === null, 5000, 'the card to close');
  });

  it('the keyboard path: next and previous mention, focus in the card, Escape returns focus', async () => {
    const url = page.url();
    const worker = await openExtensionPage(ff, 'src/popup/index.html');
    // What the background does on the shortcut (Firefox runs commands only from real key presses).
    const step = (by: 1 | -1) =>
      worker.value(`browser.tabs.query({}).then((ts) => browser.tabs.sendMessage(ts.find((t) => t.url === ${JSON.stringify(url)}).id, { type: 'step', by: ${by} })).then(() => true)`);
    await page.bringToFront();
    // The reader is in the textarea, at the top of the page: the path starts from there.
    await page.evaluate(() => {
      document.querySelector('textarea')!.focus({ preventScroll: true });
      scrollTo(0, 0);
    });
    await step(1);
    await until(async () => (await current(page)) === 'Cleverly', 5000, 'the headline mention');
    expect(await until(() => cardText(ff, page), 5000, 'the card')).toContain('Home Secretary');
    expect(await page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.getAttribute('role'), document.activeElement?.getAttribute('aria-label')])).toEqual(['NAMEPLATE-CARD', 'dialog', 'James Cleverly']);
    await step(1);
    await until(async () => (await current(page)) === 'James Cleverly', 5000, 'the next mention');
    await step(-1);
    await until(async () => (await current(page)) === 'Cleverly', 5000, 'the previous mention');
    await page.keyboard.press('Escape');
    await until(async () => (await cardText(ff, page)) === null, 5000, 'the card to close');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await ff.bidi.send('browsingContext.close', { context: worker.context });
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
