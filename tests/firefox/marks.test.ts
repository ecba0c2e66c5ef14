/**
 * Marks in real Firefox (CSS highlights, as in Chromium): a live page that re-renders,
 * text edited under a mark, and the three appearances chosen in options.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, until, type Site } from '../e2e/harness';
import { editUnderMark, liveRerenders, markAt, markNames, marks, waitForMarks } from '../e2e/marks';
import { launchFirefox, openExtensionPage, type Firefox } from './firefox';

let site: Site;
let ff: Firefox;

beforeAll(async () => {
  site = await serve();
  ff = await launchFirefox();
});

afterAll(async () => {
  await ff?.close();
  await site?.close();
});

async function open(path: string) {
  const page = await ff.browser.newPage();
  await page.goto(`${site.origin}${path}`);
  await waitForMarks(page);
  return page;
}

describe('marks in Firefox', () => {
  it('a live page that re-renders: each render is marked again before the next', async () => {
    const page = await open('/pages/live.html');
    const r = await liveRerenders(page);
    console.log(`firefox live page: marks back after ${r.delays.map((d) => d?.toFixed(0)).join(', ')} ms; marked ${(r.coverage * 100).toFixed(0)}% of the time`);
    expect(r.delays).toHaveLength(15);
    expect(r.delays.every((d) => d !== null && d < 300)).toBe(true);
    expect(r.coverage).toBeGreaterThan(0.5);
    await page.close();
  });

  it('text edited under a mark: dropped before the next paint, the new words marked', async () => {
    const page = await open('/pages/live.html');
    await until(async () => (await marks(page, '#edit')).includes('James Cleverly'), 3000, 'the mark');
    expect(await editUnderMark(page)).toEqual([]);
    await until(async () => (await marks(page, '#edit')).join() === 'Rishi Sunak', 3000, 'the new name marked');
    await page.close();
  });

  it('draws the three appearances chosen in options', async () => {
    const options = await openExtensionPage(ff, 'src/options/index.html');
    await until(() => options.value<boolean>(`!!document.querySelector('input[name="marks"]')`), 10_000, 'the options page');
    const shots: Record<string, Buffer> = {};
    for (const style of ['background', 'none', 'underline']) {
      await options.value(`(document.querySelector('input[name="marks"][value="${style}"]').click(), true)`);
      await until(() => options.value<boolean>(`!!document.querySelector('#appearance [role="status"]')?.textContent`), 3000, 'saved');
      const page = await open('/samples/channel-crossings.html');
      expect(await markNames(page)).toEqual([`nameplate-${style}`]);
      const m = (await markAt(page, 'Gerald Darmanin'))!;
      await page.mouse.move(2, 2);
      shots[style] = Buffer.from(await page.screenshot({ clip: { x: m.x - 70, y: m.top - 4, width: 140, height: m.bottom - m.top + 8 } }));
      await page.close();
    }
    expect(shots.underline.equals(shots.none)).toBe(false);
    expect(shots.background.equals(shots.none)).toBe(false);
    expect(shots.background.equals(shots.underline)).toBe(false);
    await ff.bidi.send('browsingContext.close', { context: options.context });
  });
});
