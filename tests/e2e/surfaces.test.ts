/**
 * The popup and the options page in real Chromium with the built extension:
 * data sources (switching one off, importing a file, a bad file, a full storage
 * area), sites (the popup's site switch, the global pause), settings backup,
 * corrupted stored settings, and an axe audit in light and dark with screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser as CdpBrowser, type Page } from 'playwright-core';
import { loadDataset } from '../../src/core/dataset';
import { countBySource } from '../../src/background/effective';
import { ROOT, cardText, launch, screenshotPath, serve, until, type Browser, type Site } from './harness';
import { current, markAt, marks, waitForMarks } from './marks';

let site: Site;
let browser: Browser;
/** A DevTools connection made after the popup opens (one made earlier does not see it), closed with it. */
let cdp: CdpBrowser | undefined;
let optionsUrl: string;

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'imports-ui');
const IMPORTED_NAME = 'Ottoline Brackenbury-Vane';

beforeAll(async () => {
  site = await serve({
    '/plain.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head><body><article><p>Rain is expected across the north on Tuesday, with sunshine later in the week.</p></article></body></html>',
  });
  browser = await launch();
  optionsUrl = `chrome-extension://${browser.extensionId}/src/options/index.html`;
});
afterAll(async () => {
  await cdp?.close();
  await browser?.close();
  await site?.close();
});

const sampleUrl = () => `${site.origin}/samples/channel-crossings.html`;
const importedUrl = () => `${site.origin}/pages/imported-person.html`;
const host = () => new URL(site.origin).host;

const storage = () => browser.worker.evaluate(() => chrome.storage.local.get(null)) as Promise<Record<string, unknown>>;
const resetStorage = () => browser.worker.evaluate(() => chrome.storage.local.clear());
const marked = async (page: Page, text: string) => (await marks(page)).filter((m) => m.includes(text)).length;
const markCount = async (page: Page) => (await marks(page)).length;

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(optionsUrl);
  await page.waitForSelector('tr[data-source="ifg"]');
  return page;
}

async function openArticle(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForMarks(page);
  return page;
}

async function reloadMarked(page: Page): Promise<void> {
  await page.reload();
  await waitForMarks(page);
}

/** The real toolbar popup over `over` (the active tab), found through the DevTools protocol. */
async function openPopup(over: Page): Promise<Page> {
  await over.bringToFront();
  await browser.worker.evaluate(() => chrome.action.openPopup());
  const conn = (cdp = await chromium.connectOverCDP(`http://127.0.0.1:${browser.cdpPort}`));
  const popup = await until(async () => conn.contexts().flatMap((c) => c.pages()).find((p) => p.url().includes('/src/popup/index.html')), 10_000, 'the popup');
  await popup.waitForSelector('ul.figures .who, p.state', { timeout: 10_000 });
  return popup;
}

async function closePopup(popup: Page): Promise<void> {
  await popup.close();
  await cdp?.close();
  cdp = undefined;
}

/** The popup's final word on a page (after "reading…"). */
async function popupState(popup: Page): Promise<string> {
  return until(async () => {
    const text = await popup.locator('main').innerText();
    return /Reading|Still reading/.test(text) ? '' : text;
  }, 10_000, 'the popup to read the page');
}

async function importFile(options: Page, file: string): Promise<void> {
  await options.setInputFiles('#import-file', join(FIXTURES, file));
}

/** The sources table as text, row by row. */
const sourcesTable = (options: Page) => options.locator('#sources tbody tr').allInnerTexts();

/** axe-core on an extension page (its CSP refuses inline scripts: fall back to evaluating the library through the DevTools protocol). */
async function axe(page: Page): Promise<string[]> {
  const source = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source }).catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(source);
  const { passes, serious } = await page.evaluate(async () => {
    type Rule = { id: string; impact: string; nodes: { target: string[] }[] };
    const result = await (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'],
    });
    return {
      passes: result.passes.map((r) => r.id),
      serious: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    };
  });
  // The audit really ran: contrast, labels and names were checked.
  expect(passes).toEqual(expect.arrayContaining(['color-contrast', 'label', 'button-name']));
  return serious;
}

// First: once a DevTools connection has opened the popup (connectOverCDP), Chromium saves downloads where
// that connection said, and the settings export below could not be read back.
describe('options: settings', () => {
  it('exports the settings as a JSON file and imports them back; a bad file changes nothing', async () => {
    await resetStorage();
    const options = await openOptions();
    // Keyboard only: marks, card delay, sites.
    await options.getByRole('radio', { name: 'Background highlight' }).check();
    await options.getByText('Saved.').first().waitFor();
    const delay = options.getByRole('slider', { name: 'Delay before the card opens' });
    await delay.focus();
    for (let i = 0; i < 4; i++) await options.keyboard.press('ArrowRight');
    await until(async () => ((await storage()).settings as { delayMs?: number } | undefined)?.delayMs === 550, 3000, 'the delay to be saved');
    await options.getByLabel('Sites where Nameplate is off (one per line)').fill('example.com\nhttps://News.Example.org/politics\n');
    await options.getByRole('button', { name: 'Save sites' }).click();
    await until(async () => ((await storage()).settings as { deny?: string[] }).deny?.length === 2, 3000, 'the sites to be saved');
    const saved = (await storage()).settings as Record<string, unknown>;
    expect(saved).toMatchObject({ marks: 'background', delayMs: 550, deny: ['example.com', 'news.example.org'] });

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export settings' }).click()]);
    expect(download.suggestedFilename()).toBe('nameplate-settings.json');
    expect(await download.failure()).toBeNull();
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported).toEqual(saved);

    // A host list with a bad line is refused, naming the line.
    await options.getByLabel('Sites where Nameplate is off (one per line)').fill('example.com\nnot a host\n');
    await options.getByRole('button', { name: 'Save sites' }).click();
    expect(await options.locator('#sites [role="alert"]').innerText()).toContain('line 2: “not a host” is not a host name');

    // Back to the defaults, then import the exported file.
    await resetStorage();
    await options.reload();
    await options.waitForSelector('#import-settings');
    expect(await options.getByRole('radio', { name: 'Dotted underline' }).isChecked()).toBe(true);
    await options.setInputFiles('#import-settings', path);
    await options.getByText('Settings imported.').waitFor();
    expect((await storage()).settings).toEqual(saved);
    expect(await options.getByRole('radio', { name: 'Background highlight' }).isChecked()).toBe(true);
    expect(await options.getByLabel('Sites where Nameplate is off (one per line)').inputValue()).toBe('example.com\nnews.example.org');

    // A file that is not valid settings: the first problem is shown, and nothing changes.
    await options.setInputFiles('#import-settings', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"marks":"sparkles","delayMs":5}') });
    const alert = options.locator('#backup [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/were not imported.*marks/);
    await options.setInputFiles('#import-settings', { name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await until(async () => /not JSON/.test(await alert.innerText()), 3000, 'the JSON error');
    expect((await storage()).settings).toEqual(saved);
    await options.close();
  });

  it('corrupted stored settings show a notice, and Nameplate works with its defaults', async () => {
    await resetStorage();
    await browser.worker.evaluate(() => chrome.storage.local.set({ settings: 'junk' }));
    const options = await openOptions();
    const notice = options.locator('.notice[role="status"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('could not be read');
    const article = await openArticle(sampleUrl());
    expect(await marked(article, 'James Cleverly')).toBeGreaterThan(0);
    await article.close();
    await options.getByRole('button', { name: 'Keep the defaults' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(((await storage()).settings as { version: number }).version).toBe(1);
    await options.close();
  });
});

describe('options: data sources', () => {
  it('lists every bundled source with its counts, licence and as-of date', async () => {
    await resetStorage();
    const data = loadDataset(JSON.parse(readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8')));
    const counts = countBySource(data);
    const options = await openOptions();
    expect(await options.locator('#sources tbody tr[data-kind="bundled"]').count()).toBe(data.sources.length);
    for (const s of data.sources) {
      const row = options.locator(`tr[data-source="${s.id}"]`);
      expect(await row.locator('th').innerText()).toContain(s.name);
      expect(await row.locator('td.people').innerText()).toBe(counts.get(s.id)!.people.toLocaleString('en'));
      expect(await row.locator('td.tenures').innerText()).toBe(counts.get(s.id)!.tenures.toLocaleString('en'));
      expect(await row.getByRole('checkbox', { name: `Use ${s.name}` }).isChecked()).toBe(true);
    }
    const ifg = await options.locator('tr[data-source="ifg"]').innerText();
    expect(ifg).toContain('CC BY 4.0');
    expect(Number((await options.locator('tr[data-source="ifg"] td.people').innerText()).replace(/,/g, ''))).toBeGreaterThan(500);
    await options.close();
  });

  it('switching "IfG Ministers Database" off takes "Home Secretary" from Cleverly on the next load, and back on', async () => {
    const article = await openArticle(sampleUrl());
    expect(await marked(article, 'Home Secretary')).toBe(1);
    const options = await openOptions();
    const ifg = options.getByRole('checkbox', { name: 'Use IfG Ministers Database' });
    await ifg.uncheck();
    await options.getByText('IfG Ministers Database is off').waitFor();
    expect(((await storage()).settings as { disabledSources: string[] }).disabledSources).toEqual(['ifg']);

    await reloadMarked(article);
    // Without the IfG's ministers, the title no longer names anyone; Cleverly is still an MP.
    expect(await marked(article, 'Home Secretary')).toBe(0);
    expect(await marked(article, 'James Cleverly')).toBeGreaterThan(0);
    const popup = await openPopup(article);
    expect(await popup.locator('main').innerText()).not.toContain('Home Secretary');
    await closePopup(popup);

    await ifg.check();
    await options.getByText('IfG Ministers Database is on').waitFor();
    await reloadMarked(article);
    expect(await marked(article, 'Home Secretary')).toBe(1);
    await options.close();
    await article.close();
  });

  it('an imported file becomes a source of its own: its person is marked, and it can be switched off and removed', async () => {
    await resetStorage();
    const article = await openArticle(importedUrl());
    expect(await marked(article, IMPORTED_NAME)).toBe(0);

    const options = await openOptions();
    await importFile(options, 'good.csv');
    await options.getByText(/Imported “.+”: 1 people, 1 offices/).waitFor();
    const row = options.locator('#sources tr[data-kind="imported"]');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td.people').innerText()).toBe('1');
    const stored = await storage();
    const id = await row.getAttribute('data-source');
    expect(stored.imports).toEqual([id]);
    expect(stored[`import:${id}`]).toBeTruthy();

    await reloadMarked(article);
    expect(await marked(article, IMPORTED_NAME)).toBe(1);

    // Off: the person is no longer marked.
    await row.getByRole('checkbox').uncheck();
    await options.getByText(/is off\. Pages leave it out/).waitFor();
    await reloadMarked(article);
    expect(await marked(article, IMPORTED_NAME)).toBe(0);
    await row.getByRole('checkbox').check();
    await options.getByText(/is on\. Pages use it/).waitFor();
    await reloadMarked(article);
    expect(await marked(article, IMPORTED_NAME)).toBe(1);

    // Remove asks first; Cancel keeps it; confirming removes it for good (from storage too).
    await row.getByRole('button', { name: /^Remove / }).click();
    await options.getByRole('button', { name: 'Cancel' }).click();
    expect(await options.locator('#sources tr[data-kind="imported"]').count()).toBe(1);
    await row.getByRole('button', { name: /^Remove / }).click();
    const confirm = options.getByRole('button', { name: /for good/ });
    // Focus moves to the confirmation once it has rendered (an effect after the click): wait for it, up to 3 s.
    expect(await until(() => confirm.evaluate((el) => el === document.activeElement || undefined), 3000, 'focus on the confirmation')).toBe(true);
    await confirm.click();
    await options.getByText(/was removed/).waitFor();
    expect(await options.locator('#sources tr[data-kind="imported"]').count()).toBe(0);
    const after = await storage();
    expect(after.imports).toEqual([]);
    expect(after[`import:${id}`]).toBeUndefined();
    await reloadMarked(article);
    expect(await marked(article, IMPORTED_NAME)).toBe(0);
    await options.close();
    await article.close();
  });

  it('a bad file shows each problem with its row and field, and changes nothing', async () => {
    await resetStorage();
    const options = await openOptions();
    await importFile(options, 'good.csv');
    await options.getByText(/Imported “/).waitFor();
    const before = await sourcesTable(options);
    const storedBefore = await storage();

    await importFile(options, 'bad.csv');
    const alert = options.locator('#import [role="alert"]');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Nothing was imported');
    // The problem names its row (the third line of the file, the second of data) and its field.
    const problem = await alert.locator('li').first().innerText();
    expect(problem).toMatch(/^row 3, column start: .*not a date/);
    expect(await sourcesTable(options)).toEqual(before);
    expect(await storage()).toEqual(storedBefore);
    await options.close();
  });

  it('a full storage area fails the import with a clear error, and nothing is lost', async () => {
    await resetStorage();
    const options = await openOptions();
    await importFile(options, 'good.csv');
    await options.getByText(/Imported “/).waitFor();
    const before = await sourcesTable(options);
    // Fill storage.local to within a few bytes of its quota: the next import cannot fit.
    await browser.worker.evaluate(async () => {
      const used = await chrome.storage.local.getBytesInUse(null);
      await chrome.storage.local.set({ filler: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 64) });
    });
    const storedBefore = await storage();

    await importFile(options, 'second.csv');
    const alert = options.locator('#import [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('storage is full');
    expect(await sourcesTable(options)).toEqual(before);
    const storedAfter = await storage();
    expect(Object.keys(storedAfter).sort()).toEqual(Object.keys(storedBefore).sort());
    expect(storedAfter.imports).toEqual(storedBefore.imports);

    // The earlier import still works.
    const article = await openArticle(importedUrl());
    expect(await marked(article, IMPORTED_NAME)).toBe(1);
    await browser.worker.evaluate(() => chrome.storage.local.remove('filler'));
    await article.close();
    await options.close();
  });
});

describe('popup: site switch and global pause', () => {
  it('lists the figures by country then office, reveals a mention, and switches the site off (on reload too) and on', async () => {
    await resetStorage();
    const article = await openArticle(sampleUrl());
    let popup = await openPopup(article);
    const text = await popup.locator('main').innerText();
    expect(text).toMatch(/United Kingdom/i);
    expect(text).toContain('Home Secretary');
    expect(text).toContain('stop the boats');
    expect(text).toMatch(/Article date: 31 Jan 2024/);
    expect(await popup.locator('ul.figures .who').allTextContents()).toEqual(expect.arrayContaining(['James Cleverly', 'Gérald Darmanin', 'Rishi Sunak']));
    await popup.getByRole('button', { name: /Gérald Darmanin/ }).click();
    // "Show on page": his first mention (the article calls him "interior minister" first) is scrolled to,
    // marked as the current one, and its card opens; the next click goes to his next mention.
    await until(async () => (await current(article)) === 'interior minister', 3000, 'the revealed mention');
    expect((await markAt(article, 'interior minister', 0, 'body', false))!.visible).toBe(true);
    expect(await until(() => cardText(article), 3000, 'the card')).toContain('Darmanin');
    await popup.getByRole('button', { name: /Gérald Darmanin/ }).click();
    await until(async () => (await current(article)) === 'Gerald Darmanin', 3000, 'the next mention');

    const site = popup.getByRole('checkbox', { name: `On for ${host()}` });
    expect(await site.isChecked()).toBe(true);
    await site.uncheck();
    await until(async () => (await marked(article, 'Cleverly')) === 0, 5000, 'the marks to go');
    expect(((await storage()).settings as { deny: string[] }).deny).toEqual([host()]);
    await closePopup(popup);

    await article.reload();
    popup = await openPopup(article);
    expect(await popupState(popup)).toContain('off for this site');
    expect(await markCount(article)).toBe(0);
    await popup.getByRole('checkbox', { name: `On for ${host()}` }).check();
    await popup.getByText('Reload the page').waitFor();
    await closePopup(popup);
    await reloadMarked(article);
    expect(await marked(article, 'James Cleverly')).toBeGreaterThan(0);
    await article.close();
  });

  it('says so on pages Nameplate cannot run on, and on pages with no figures', async () => {
    await resetStorage();
    const options = await openOptions();
    let popup = await openPopup(options);
    expect(await popupState(popup)).toContain('cannot run on this page');
    await closePopup(popup);
    await options.close();
    const plain = await browser.context.newPage();
    await plain.goto(`${site.origin}/plain.html`);
    popup = await openPopup(plain);
    expect(await popupState(popup)).toMatch(/No officials or policy figures found|Nothing found on this page yet/);
    await closePopup(popup);
    await plain.close();
  });

  it('the global pause leaves every page unmarked until it is switched off', async () => {
    await resetStorage();
    const article = await openArticle(sampleUrl());
    let popup = await openPopup(article);
    await popup.getByRole('checkbox', { name: 'Pause everywhere' }).check();
    await until(async () => (await markCount(article)) === 0, 5000, 'the marks to go');
    expect(((await storage()).settings as { paused: boolean }).paused).toBe(true);
    await closePopup(popup);

    await article.reload();
    popup = await openPopup(article);
    expect(await popupState(popup)).toContain('paused everywhere');
    expect(await markCount(article)).toBe(0);
    // The site itself is still on: the pause is separate.
    expect(await popup.getByRole('checkbox', { name: `On for ${host()}` }).isChecked()).toBe(true);
    await closePopup(popup);

    const options = await openOptions();
    const pause = options.getByRole('checkbox', { name: 'Pause Nameplate everywhere' });
    expect(await pause.isChecked()).toBe(true);
    await pause.uncheck();
    await options.getByText('Nameplate is on again').waitFor();
    await reloadMarked(article);
    expect(await marked(article, 'James Cleverly')).toBeGreaterThan(0);
    await options.close();
    await article.close();
  });
});

describe('accessibility and screenshots', () => {
  it('the options page has no serious or critical axe violations, light and dark', async () => {
    await resetStorage();
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 1300 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(optionsUrl);
      await page.waitForSelector('tr[data-source="ifg"]');
      expect(await axe(page), scheme).toEqual([]);
      await page.screenshot({ path: screenshotPath(`options-${scheme}.png`), fullPage: true });
      await page.close();
    }
  });

  it('the popup over the article has no serious or critical axe violations, light and dark', async () => {
    const article = await openArticle(sampleUrl());
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopup(article);
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axe(popup), scheme).toEqual([]);
      await popup.screenshot({ path: screenshotPath(`popup-${scheme}.png`) });
      await closePopup(popup);
    }
    await article.close();
  });

  it('sends no request anywhere but 127.0.0.1', () => {
    const foreign = browser.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:)/.test(u));
    expect(foreign).toEqual([]);
  });
});
