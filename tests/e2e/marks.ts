/**
 * Reading Nameplate's marks from the page, as the page itself could: the ranges in
 * the `nameplate-*` CSS highlights (the registry is the document's, shared by the
 * page and the content script). The functions run inside the page, in Chromium
 * (Playwright) and Firefox (Puppeteer) alike, so they use nothing from this file's scope.
 */

/** Anything with an `evaluate(fn, arg)`: a Playwright or a Puppeteer page. */
export interface Evaluator {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  evaluate(fn: any, arg?: any): Promise<any>;
}

export interface MarkAt {
  text: string;
  x: number;
  y: number;
  /** The first box's top and bottom. */
  top: number;
  bottom: number;
  /** Every box of the range is inside the viewport. */
  visible: boolean;
}

/** Texts of the marks inside `selector` (default: the whole page), in document order, and the highlight names in use. */
function readMarks(selector: string): { texts: string[]; names: string[] } {
  const root = document.querySelector(selector);
  const found: { node: Text; start: number; text: string }[] = [];
  const names: string[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('nameplate-') || name === 'nameplate-current') continue;
    if (h.size) names.push(name);
    for (const r of h as unknown as Iterable<AbstractRange>) {
      const node = r.startContainer as Text;
      if (!root || !node.isConnected || !root.contains(node)) continue;
      found.push({ node, start: r.startOffset, text: node.data.slice(r.startOffset, r.endOffset) });
    }
  }
  found.sort((a, b) => (a.node === b.node ? a.start - b.start : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return { texts: found.map((f) => f.text), names };
}

/** Where the `nth` mark reading `text` is (scrolled into view first), or null. */
function findMark([text, nth, selector, scroll]: [string, number, string, boolean]): MarkAt | null {
  const root = document.querySelector(selector);
  const hits: AbstractRange[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('nameplate-') || name === 'nameplate-current') continue;
    for (const r of h as unknown as Iterable<AbstractRange>) {
      const node = r.startContainer as Text;
      if (root?.contains(node) && node.data.slice(r.startOffset, r.endOffset) === text) hits.push(r);
    }
  }
  hits.sort((a, b) => (a.startContainer === b.startContainer ? a.startOffset - b.startOffset : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const r = hits[nth];
  if (!r) return null;
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  let box = live.getClientRects()[0];
  if (scroll && (box.top < 0 || box.bottom > innerHeight)) {
    scrollBy(0, box.top - innerHeight / 2);
    box = live.getClientRects()[0];
  }
  const all = [...live.getClientRects()];
  return { text, x: box.left + box.width / 2, y: box.top + box.height / 2, top: box.top, bottom: box.bottom, visible: all.every((b) => b.top >= 0 && b.bottom <= innerHeight) };
}

/** How many marks lie inside each element matching `selector`, in document order. */
function countMarks(selector: string): number[] {
  const els = [...document.querySelectorAll(selector)];
  const counts = els.map(() => 0);
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('nameplate-') || name === 'nameplate-current') continue;
    for (const r of h as unknown as Iterable<AbstractRange>) {
      const i = els.findIndex((e) => e.contains(r.startContainer));
      if (i >= 0 && r.startContainer.isConnected) counts[i]++;
    }
  }
  return counts;
}

/** The text of the mark the reader is on (hover, keyboard, "show on page"), or null. */
function currentMark(): string | null {
  const h = CSS.highlights.get('nameplate-current');
  for (const r of (h ?? []) as unknown as Iterable<AbstractRange>) return (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
  return null;
}

/**
 * On tests/fixtures/pages/live.html: re-render the article 15 times, every 300 ms, and sample every 4 ms
 * whether it is marked. Returns, per render, how long until its marks appeared (null: never), and the
 * share of samples with marks.
 */
async function sampleLive(): Promise<{ delays: (number | null)[]; coverage: number }> {
  const live = document.getElementById('live')!;
  const marked = () => {
    for (const [n, h] of CSS.highlights) {
      if (!n.startsWith('nameplate-') || n === 'nameplate-current') continue;
      for (const range of h as unknown as Iterable<AbstractRange>) if (range.startContainer.isConnected && live.contains(range.startContainer)) return true;
    }
    return false;
  };
  const w = window as unknown as { __renders: number[]; __start: (every: number, times: number) => Promise<void> };
  const first = w.__renders.length;
  const seen = new Map<number, number>();
  let samples = 0;
  let covered = 0;
  const sampler = setInterval(() => {
    samples++;
    if (!marked()) return;
    covered++;
    const i = w.__renders.length - 1;
    if (!seen.has(i)) seen.set(i, performance.now() - w.__renders[i]);
  }, 4);
  await w.__start(300, 15);
  await new Promise((done) => setTimeout(done, 300));
  clearInterval(sampler);
  return { delays: w.__renders.slice(first).map((_, k) => seen.get(first + k) ?? null), coverage: covered / samples };
}

/** On live.html: replace the words under the mark in #edit, and list what any mark covers in that text node at the next frame. */
async function editText(): Promise<string[]> {
  const text = document.getElementById('edit')!.firstChild as Text;
  text.data = 'Later on Wednesday, Rishi Sunak spoke to reporters outside the ministry.';
  // The page's next frame: by then the observer has run, and no mark may cover other words than it was made for.
  await new Promise((r) => requestAnimationFrame(r));
  const over: string[] = [];
  for (const [n, h] of CSS.highlights) {
    if (!n.startsWith('nameplate-')) continue;
    for (const range of h as unknown as Iterable<AbstractRange>) if (range.startContainer === text) over.push(text.data.slice(range.startOffset, range.endOffset));
  }
  return over;
}

export const liveRerenders = (page: Evaluator): Promise<{ delays: (number | null)[]; coverage: number }> => page.evaluate(sampleLive);
export const editUnderMark = (page: Evaluator): Promise<string[]> => page.evaluate(editText);

export const marks = async (page: Evaluator, selector = 'body'): Promise<string[]> => ((await page.evaluate(readMarks, selector)) as { texts: string[] }).texts;
export const markNames = async (page: Evaluator): Promise<string[]> => ((await page.evaluate(readMarks, 'html')) as { names: string[] }).names;
export const markCounts = (page: Evaluator, selector: string): Promise<number[]> => page.evaluate(countMarks, selector);
export const current = (page: Evaluator): Promise<string | null> => page.evaluate(currentMark);
export const markAt = (page: Evaluator, text: string, nth = 0, selector = 'body', scroll = true): Promise<MarkAt | null> =>
  page.evaluate(findMark, [text, nth, selector, scroll]);

/** Move the pointer onto the `nth` mark reading `text` (from beside it, as a reader's pointer arrives). */
export async function hoverMark(page: Evaluator & { mouse: { move(x: number, y: number): Promise<void> } }, text: string, nth = 0, selector = 'body'): Promise<MarkAt> {
  const at = await markAt(page, text, nth, selector);
  if (!at) throw new Error(`no mark "${text}" (#${nth}) in ${selector}`);
  await page.mouse.move(at.x, at.y);
  return at;
}

/** Wait until the page has at least one mark. */
export async function waitForMarks(page: Evaluator, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while ((await marks(page)).length === 0) {
    if (Date.now() > end) throw new Error('no marks appeared');
    await new Promise((r) => setTimeout(r, 50));
  }
}
