// @vitest-environment happy-dom
/**
 * CSS highlight marks (src/content/highlights.ts) over the real pipeline: the page's text
 * collected, annotated by the core with the bundled dataset, marked. happy-dom has no
 * Custom Highlight API, so the three globals it needs are stood in for by plain
 * containers (they only hold ranges; nothing in them can touch the DOM). The browser
 * tests check the same in real Chromium and Firefox.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collectText } from '../../src/dom/collect';
import { annotateArticle, loadIndex } from '../../src/cli/run';
import { HighlightMarks } from '../../src/content/highlights';
import type { Span } from '../../src/content/marks';
import { build, randomTree } from './random-dom';

class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    ({ startContainer: this.startContainer, startOffset: this.startOffset, endContainer: this.endContainer, endOffset: this.endOffset } = init);
  }
}
class FakeHighlight extends Set<FakeStaticRange> {
  priority = 0;
}
const registry = new Map<string, FakeHighlight>();

beforeAll(() => {
  Object.assign(globalThis, { StaticRange: FakeStaticRange, Highlight: FakeHighlight });
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
});

const index = loadIndex();
const ranges = () => [...registry.entries()].filter(([n]) => n !== 'nameplate-current').flatMap(([, h]) => [...h]);
const covered = (r: FakeStaticRange) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);

function spansFor(text: string): Span[] {
  const a = annotateArticle({ text, meta: { jsonLd: [], metas: [], times: [] } }, '2024-01-31', index);
  return [
    ...a.people.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end, ref: p.id, kind: 'person' as const }))),
    ...a.pledges.flatMap((p) => p.mentions.map((m) => ({ start: m.start, end: m.end, ref: p.id, kind: 'pledge' as const }))),
  ];
}

// Random pages: nested elements with attributes, article text around real names, entities and odd spacing.
const TAGS = ['p', 'div', 'span', 'em', 'b', 'a', 'li', 'h2', 'section', 'blockquote', 'textarea', 'script', 'code'];
const WORDS = ['James Cleverly', 'Rishi Sunak', 'Keir Starmer', 'Emmanuel Macron', 'Olaf Scholz', 'Home Secretary', 'Mr Sunak', 'stop the boats', 'Cleverly',
  'the', 'minister', 'said', 'on', 'Monday', '&', '<b>', 'é', '  ', '\u00a0', '’s', '\n', '.', ','];
const tree = randomTree({ tags: TAGS, words: WORDS, attrNames: ['class', 'id', 'data-x', 'title', 'lang', 'contenteditable'], maxWords: 10, maxAttrs: 2 });

/** The page as it serializes (elements, attributes, text), node by node so adjacent text nodes stay apart. */
function serialize(node: Node): string {
  if (node.nodeType === 3) return JSON.stringify((node as Text).data);
  const el = node as Element;
  return `<${el.tagName}${[...el.attributes].map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('')}>${[...el.childNodes].map(serialize).join('|')}</${el.tagName}>`;
}

describe('CSS highlight marks', () => {
  it('leave the page’s DOM identical (serialized) on 1,000 random pages, and mark exactly the words the core found', async () => {
    let marked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 3 }), async (trees) => {
        document.body.replaceChildren(...trees.map((t) => build(document, t)));
        const before = serialize(document.documentElement);
        const marks = new HighlightMarks(document);
        const map = collectText(document.body);
        const spans = spansFor(map.text);
        const n = await marks.add(map, spans);
        marked += n;
        expect(serialize(document.documentElement)).toBe(before);
        // Every mark covers the words of one span the core found, in one text node.
        const found = new Set(spans.map((s) => map.text.slice(s.start, s.end)));
        for (const r of ranges()) expect(found.has(covered(r))).toBe(true);
        expect(ranges()).toHaveLength(n);
        marks.destroy();
        expect(registry.size).toBe(0);
      }),
      { numRuns: 1000, seed: 20261206 },
    );
    expect(marked).toBeGreaterThan(1000); // the pages really were full of names
  });

  it('drop a mark whose words change, move or leave the page; a node read twice is marked once', async () => {
    document.body.innerHTML = '<p id="a">Home Secretary James Cleverly met Rishi Sunak.</p><p id="b">Keir Starmer replied.</p>';
    const marks = new HighlightMarks(document);
    const map = collectText(document.body);
    await marks.add(map, spansFor(map.text));
    const texts = () => ranges().map(covered).sort();
    expect(texts()).toEqual(['James Cleverly', 'Keir Starmer', 'Rishi Sunak'].sort());
    await marks.add(map, spansFor(map.text)); // the observer may hand the same node back
    expect(texts()).toEqual(['James Cleverly', 'Keir Starmer', 'Rishi Sunak'].sort());

    const a = document.getElementById('a')!.firstChild as Text;
    a.insertData(0, 'Today ');
    const again = marks.recheck([a]);
    expect(again).toEqual([a]); // to be read again
    expect(texts()).toEqual(['Keir Starmer']);

    const b = document.getElementById('b')!;
    b.remove();
    marks.recheck([b]);
    expect(texts()).toEqual([]);
    expect(marks.size).toBe(0);
    marks.destroy();
  });

  it('keep a mark that is still the same when its node is read again (hover and keyboard keep their place)', async () => {
    document.body.innerHTML = '<p>James Cleverly met Rishi Sunak.</p>';
    const marks = new HighlightMarks(document);
    const map = collectText(document.body);
    await marks.add(map, spansFor(map.text));
    const before = marks.ordered();
    await marks.add(collectText(document.body), spansFor(map.text));
    expect(marks.ordered()).toEqual(before);
    expect(marks.ordered().every((m, i) => m === before[i])).toBe(true);
    marks.destroy();
  });

  it('never draw a mark the page changed while the pass was paused', async () => {
    const paras = Array.from({ length: 40 }, (_, i) => `<p>${i === 0 ? 'James Cleverly spoke.' : `Rishi Sunak replied ${i}.`}</p>`).join('');
    document.body.innerHTML = paras;
    const marks = new HighlightMarks(document);
    const map = collectText(document.body);
    const first = document.querySelector('p')!.firstChild as Text;
    // A slicer whose first pause lets the page edit the first paragraph, as a live page may.
    let paused = false;
    const slicer = {
      pause: async () => {
        if (paused) return;
        paused = true;
        first.data = 'Someone else spoke.';
        marks.recheck([first]);
      },
    } as unknown as import('../../src/content/slicer').Slicer;
    await marks.add(map, spansFor(map.text), slicer);
    expect(paused).toBe(true);
    const drawn = ranges().filter((r) => r.startContainer === first);
    expect(drawn).toEqual([]);
    expect(ranges().map(covered).every((t) => t === 'Rishi Sunak')).toBe(true);
    marks.destroy();
  });

  it('leave no trace in the page’s highlight registry until the first mark', async () => {
    document.body.innerHTML = '<p>Nothing political here.</p>';
    const marks = new HighlightMarks(document);
    const map = collectText(document.body);
    await marks.add(map, spansFor(map.text));
    expect(registry.size).toBe(0);
    marks.destroy();
  });

  it('switch appearance by moving the ranges to another highlight name, and forget a rejected person', async () => {
    document.body.innerHTML = '<p>James Cleverly met Rishi Sunak and Keir Starmer.</p>';
    const marks = new HighlightMarks(document);
    const map = collectText(document.body);
    const spans = spansFor(map.text);
    await marks.add(map, spans);
    expect([...registry.keys()].sort()).toEqual(['nameplate-current', 'nameplate-underline']);
    marks.setStyle('background');
    expect([...registry.keys()].sort()).toEqual(['nameplate-background', 'nameplate-current']);
    expect(registry.get('nameplate-background')!.size).toBe(3);
    const sunak = spans.find((s) => map.text.slice(s.start, s.end) === 'Rishi Sunak')!.ref;
    marks.dropRef(sunak);
    expect(ranges().map(covered).sort()).toEqual(['James Cleverly', 'Keir Starmer']);
    expect(marks.ordered().map((m) => m.ref)).not.toContain(sunak);
    marks.destroy();
  });
});
