/** Random DOM trees for the property tests (fast-check): elements, attributes and text from given words. */
import fc from 'fast-check';

export interface Tree {
  tag: string;
  attrs: [string, string][];
  children: (Tree | string)[];
}

export function randomTree(opts: { tags: string[]; words: string[]; attrNames: string[]; maxWords: number; maxAttrs: number }): fc.Arbitrary<Tree> {
  const text = fc.array(fc.constantFrom(...opts.words), { minLength: 0, maxLength: opts.maxWords }).map((w) => w.join(' '));
  const attrs = fc.array(fc.tuple(fc.constantFrom(...opts.attrNames), fc.string({ maxLength: 6 })), { maxLength: opts.maxAttrs });
  return fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.record({
      tag: fc.constantFrom(...opts.tags),
      attrs,
      children: fc.array(fc.oneof({ depthSize: 'small' }, text, tie('node')), { maxLength: 4 }),
    }),
  })).node;
}

export function build(doc: Document, t: Tree): Element {
  const el = doc.createElement(t.tag);
  for (const [k, v] of t.attrs) el.setAttribute(k, v);
  for (const c of t.children) el.appendChild(typeof c === 'string' ? doc.createTextNode(c) : build(doc, c));
  return el;
}
