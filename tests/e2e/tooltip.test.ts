/**
 * The hover card in real Chromium: timing like Wikipedia's page previews
 * (WCAG 1.4.13: dismissible, hoverable, persistent), keyboard, placement at the
 * viewport edge, dark mode, hostile page CSS, and an accessibility audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, ROOT, cardText, launch, screenshotPath, serve, until, type Browser, type Site } from './harness';
import { hoverMark, markAt, markNames, marks, waitForMarks } from './marks';

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`${site.origin}${path}`);
  await waitForMarks(page);
  return page;
}

/** Box of the card's host element in the viewport, via the DevTools protocol (the root is closed). */
async function cardBox(page: Page) {
  return page.evaluate(() => {
    const r = document.querySelector('nameplate-card')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, bottom: r.bottom, right: r.right };
  });
}

/** Computed style of the card's inner box, read through the closed shadow root with CDP. */
async function cardStyle(page: Page, property: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: { nodeId: number } };
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'nameplate-card' })) as { nodeIds: number[] };
    const { node } = (await cdp.send('DOM.describeNode', { nodeId: nodeIds[0], depth: 2, pierce: true })) as { node: { shadowRoots?: { backendNodeId: number; children?: { nodeName: string; backendNodeId: number; attributes?: string[] }[] }[] } };
    const box = node.shadowRoots![0].children!.find((c) => c.nodeName === 'DIV')!;
    const { nodeIds: pushed } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [box.backendNodeId] })) as { nodeIds: number[] };
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: pushed[0] })) as { computedStyle: { name: string; value: string }[] };
    return computedStyle.find((p) => p.name === property)!.value;
  } finally {
    await cdp.detach();
  }
}

describe('the new ground (issue 13)', () => {
  it('names Canadian and Australian ministers and the King, and says when the article is newer than the source', async () => {
    const page = await open('/pages/new-ground.html');
    const marked = await marks(page);
    expect(marked).toEqual(expect.arrayContaining(['Dominic LeBlanc', 'Penny Wong', 'King Charles III']));
    await hoverMark(page, 'Dominic LeBlanc');
    const text = await until(() => cardText(page), 3000, 'the card');
    // The Canadian ministers file runs to 24 July 2026; the article is of 2 November 2026.
    expect(text).toMatch(/Data for this office runs to 24 Jul(y)? 2026/);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(600);
    await hoverMark(page, 'Penny Wong');
    const wong = await until(async () => ((await cardText(page)) ?? '').includes('Penny Wong') ? cardText(page) : null, 3000, 'the second card');
    expect(wong).toContain('Foreign Minister');
    // Her office comes from a curated row (the interim ministry of 23 May 2022), current to the build.
    expect(wong).not.toContain('runs to');
    await page.close();
  });
});

describe('timing (Wikipedia-style previews)', () => {
  it('does nothing on a quick pass of the pointer', async () => {
    const page = await open('/samples/channel-crossings.html');
    await hoverMark(page, 'James Cleverly');
    await page.waitForTimeout(120);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(700);
    expect(await cardText(page)).toBeNull();
    await page.close();
  });

  it('shows the card after the intent delay, not before', async () => {
    const page = await open('/samples/channel-crossings.html');
    await hoverMark(page, 'Rishi Sunak');
    await page.waitForTimeout(150);
    expect(await cardText(page)).toBeNull();
    const text = await until(() => cardText(page), 3000, 'the card');
    expect(text).toContain('Prime Minister');
    expect(text).toContain('stop the boats');
    await page.close();
  });

  it('stays open while the pointer is over the card, then closes after a grace period', async () => {
    const page = await open('/samples/channel-crossings.html');
    await hoverMark(page, 'James Cleverly');
    await until(() => cardText(page), 3000, 'the card');
    const box = await cardBox(page);
    await page.mouse.move(box.x + 40, box.y + 30, { steps: 4 });
    await page.waitForTimeout(900);
    expect(await cardText(page)).toContain('James Cleverly');
    await page.mouse.move(2, 2);
    await page.waitForTimeout(120);
    expect(await cardText(page)).not.toBeNull(); // grace period
    await until(async () => (await cardText(page)) === null, 2000, 'the card to close');
    await page.close();
  });

  it('closes with Escape; the pointer moving within the same name does not restart the delay', async () => {
    const page = await open('/samples/channel-crossings.html');
    const at = await hoverMark(page, 'James Cleverly');
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(60);
      await page.mouse.move(at.x + (i % 2 ? 6 : -6), at.y);
    }
    expect(await until(() => cardText(page), 1500, 'the card')).toContain('James Cleverly');
    await page.keyboard.press('Escape');
    await until(async () => (await cardText(page)) === null, 2000, 'Escape to close');
    await page.close();
  });

  it('a page with marks gains no tab stop: Tab goes to the page’s own first link', async () => {
    const page = await open('/samples/channel-crossings.html');
    const first = await page.evaluate(() => document.querySelector('a[href], button, input, textarea, [tabindex]')?.outerHTML);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.outerHTML)).toBe(first);
    await page.close();
  });
});

describe('placement and looks', () => {
  it('flips above a mention at the bottom edge and stays inside the viewport', async () => {
    const page = await open('/pages/edge.html');
    const first = (await marks(page, '#bottom'))[0];
    const m = await hoverMark(page, first, 0, '#bottom');
    await until(() => cardText(page), 3000, 'the card');
    await page.waitForTimeout(100);
    const c = await cardBox(page);
    const view = page.viewportSize()!;
    expect(c.bottom).toBeLessThanOrEqual(m.top + 1);
    expect(c.right).toBeLessThanOrEqual(view.width);
    expect(c.x).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('draws the three appearances chosen in options (dotted underline, background, none), light and dark', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    const shots: Record<string, Buffer> = {};
    for (const scheme of ['light', 'dark'] as const) {
      for (const style of ['background', 'none', 'underline'] as const) {
        await options.locator(`input[name="marks"][value="${style}"]`).check();
        await until(async () => (await options.locator('#appearance [role="status"]').innerText()).length > 0, 3000, 'saved');
        const page = await open('/samples/channel-crossings.html', scheme);
        expect(await markNames(page)).toEqual([`nameplate-${style}`]);
        const m = (await markAt(page, 'Gerald Darmanin'))!;
        await page.mouse.move(2, 2);
        shots[`${scheme}-${style}`] = await page.screenshot({ clip: { x: m.x - 70, y: m.top - 4, width: 140, height: m.bottom - m.top + 8 } });
        await page.close();
      }
      // Each appearance draws something different, and "none" draws nothing: the words look as on a page without marks.
      expect(shots[`${scheme}-underline`].equals(shots[`${scheme}-none`]), scheme).toBe(false);
      expect(shots[`${scheme}-background`].equals(shots[`${scheme}-none`]), scheme).toBe(false);
      expect(shots[`${scheme}-background`].equals(shots[`${scheme}-underline`]), scheme).toBe(false);
    }
    await options.close();
  });

  it('follows the reader’s dark mode', async () => {
    const light = await open('/samples/channel-crossings.html', 'light');
    await hoverMark(light, 'James Cleverly');
    await until(() => cardText(light), 3000, 'the card');
    expect(await cardStyle(light, 'background-color')).toBe('rgb(255, 255, 255)');
    await light.close();
    const dark = await open('/samples/channel-crossings.html', 'dark');
    await hoverMark(dark, 'James Cleverly');
    await until(() => cardText(dark), 3000, 'the card');
    expect(await cardStyle(dark, 'background-color')).toBe('rgb(32, 33, 36)');
    await dark.screenshot({ path: screenshotPath('tooltip-dark.png'), clip: { x: 0, y: 0, width: 1100, height: 520 } });
    await dark.close();
  });

  it('looks right on a hostile page (all: unset !important, huge fonts, RTL)', async () => {
    const page = await open('/pages/hostile-css.html');
    const m = await hoverMark(page, 'James Cleverly');
    await until(() => cardText(page), 3000, 'the card');
    expect(await cardStyle(page, 'font-size')).toBe('13px');
    expect(await cardStyle(page, 'width')).toBe('340px');
    const c = await cardBox(page);
    // Next to the mention (below it, or above when there is no room), with no page border or background on it.
    expect(Math.min(Math.abs(c.y - m.bottom), Math.abs(c.bottom - m.top))).toBeLessThan(12);
    expect(await page.locator('nameplate-card').evaluate((h) => [getComputedStyle(h).borderTopWidth, getComputedStyle(h).backgroundColor])).toEqual(['0px', 'rgba(0, 0, 0, 0)']);
    await page.close();
  });
});

describe('accessibility', () => {
  it('the card has no serious or critical axe violations, light and dark', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const card = readFileSync(join(DIST, 'src', 'card', 'index.js'), 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${site.origin}/pages/edge.html`);
      await page.addScriptTag({ content: card });
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const person = {
          id: 'p', name: 'James Cleverly', currentName: null, role: 'Home Secretary', roleStart: '2023-11-13', roleEnd: '2024-07-05', party: 'Conservative', country: 'GB',
          office: { title: 'Secretary of State for the Home Department', short: 'Home Secretary', org: null, country: 'GB', start: '2023-11-13', end: '2024-07-05' },
          former: null, now: { title: 'MP', short: 'MP', org: null, country: 'GB', start: '2024-07-04', end: null },
          earlier: [{ title: 'Foreign Secretary', short: 'Foreign Secretary', org: null, country: 'GB', start: '2022-09-06', end: '2023-11-13' }],
          alsoHeld: [], change: null, dataRunsTo: null,
          why: 'full name', pledges: ['x'], sources: ['IfG Ministers Database'], mentions: [],
        };
        const pledge = { id: 'x', phrase: 'stop the boats', wording: 'Stop small boat crossings', by: ['Rishi Sunak'], status: 'broken', statusDate: '2024-07-04', url: 'https://example.org', mentions: [] };
        const host = (globalThis as unknown as { __nameplateCard: (d: Document, m: string) => { show: (...a: unknown[]) => void } }).__nameplateCard(document, 'open');
        const anchor = document.getElementById('top')!;
        host.show(anchor, { kind: 'person', person, pledges: [pledge], date: '2024-01-31', dateDetail: 'JSON-LD datePublished', asOf: '2026-11-28' }, { marks: 'underline', delayMs: 350, theme: 'auto' }, { notThisPerson() {}, dontMarkSite() {} });
        await new Promise((r) => setTimeout(r, 100));
        const result = await (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(document.querySelector('nameplate-card'), { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations, scheme).toEqual([]);
      await page.close();
    }
  });
});

describe('accessibility of a page with marks', () => {
  it('axe finds no serious or critical violation on the article with its marks and an open keyboard card', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const page = await open('/samples/channel-crossings.html');
    await browser.worker.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      await chrome.tabs.sendMessage(tab.id!, { type: 'step', by: 1 });
    }, page.url());
    await until(() => cardText(page), 3000, 'the card');
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const result = await (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('privacy', () => {
  it('no request left 127.0.0.1 and the extension', () => {
    const foreign = browser.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:)/.test(u));
    expect(foreign).toEqual([]);
  });
});
