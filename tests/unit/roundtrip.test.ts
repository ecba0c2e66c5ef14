// @vitest-environment happy-dom
/**
 * Round trip: annotating a page and then switching Nameplate off restores the
 * DOM exactly — text, structure and attributes — over 1,000 generated DOMs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collectText } from '../../src/dom/collect';
import { unwrapAll, wrapSpans, type Span } from '../../src/content/wrap';
import { build, randomTree } from './random-dom';

const TAGS = ['p', 'div', 'span', 'em', 'b', 'a', 'li', 'h2', 'section', 'textarea', 'script', 'code'];
const WORDS = ['James', 'Cleverly', 'Rishi', 'Sunak', 'the', 'Home', 'Secretary', 'said', '&', '<b>', 'é', '  ', '\u00a0', '’s', '\n'];

const tree = randomTree({ tags: TAGS, words: WORDS, attrNames: ['class', 'id', 'data-x', 'title', 'lang'], maxWords: 8, maxAttrs: 3 });

/** Text, structure and attributes, node by node (adjacent text nodes kept apart). */
function snapshot(node: Node): unknown {
  if (node.nodeType === 3) return ['#text', (node as Text).data];
  const el = node as Element;
  return [el.tagName, [...el.attributes].map((a) => [a.name, a.value]), [...el.childNodes].map(snapshot)];
}

describe('wrap then unwrap', () => {
  it('restores 1,000 generated DOMs exactly', async () => {
    let wrapped = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })), { maxLength: 12 }), async (trees, cuts) => {
        document.body.replaceChildren(...trees.map((t) => build(document, t)));
        const before = snapshot(document.body);
        const map = collectText(document.body);
        const spans: Span[] = map.text.length ? cuts.map(([at, len], i) => {
          const start = at % map.text.length;
          return { start, end: Math.min(map.text.length, start + len), ref: `p${i}`, kind: 'person' as const };
        }) : [];
        const created = await wrapSpans(document, map, spans);
        wrapped += created.length;
        if (created.length) expect(document.querySelectorAll('np-mention')).toHaveLength(created.length);
        unwrapAll();
        expect(snapshot(document.body)).toEqual(before);
      }),
      { numRuns: 1000, seed: 20261128 },
    );
    expect(wrapped).toBeGreaterThan(1000); // the property was exercised, not vacuous
  });
});
