// @vitest-environment happy-dom
/** Page-side text collection and wrapping, against happy-dom. */
import { describe, expect, it, beforeEach } from 'vitest';
import { collectMeta, collectText } from '../../src/dom/collect';
import { unwrapAll, wrapSpans } from '../../src/content/wrap';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('collectText', () => {
  it('skips form fields, scripts, styles, editable regions and its own nodes', () => {
    document.body.innerHTML = `
      <h1>Cleverly in Paris</h1>
      <p>James <b>Cleverly</b> met officials.</p>
      <script>var x = "Rishi Sunak";</script><style>p{}</style><noscript>Rishi Sunak</noscript>
      <textarea>Rishi Sunak</textarea><input value="Rishi Sunak"><select><option>Rishi Sunak</option></select>
      <div contenteditable="true">Rishi <i>Sunak</i></div><div contenteditable="false">kept</div>
      <np-mention>own</np-mention><span data-nameplate>own too</span>`;
    const { text } = collectText(document.body);
    expect(text).not.toContain('Sunak');
    expect(text).not.toContain('own');
    expect(text).toContain('Cleverly in Paris\n\n');
    expect(text).toContain('James Cleverly met officials.');
    expect(text).toContain('kept');
  });

  it('maps every text node to its offset', () => {
    document.body.innerHTML = '<p>One <em>two</em> three</p><p>four</p>';
    const map = collectText(document.body);
    map.nodes.forEach((n, i) => expect(map.text.slice(map.offsets[i], map.offsets[i] + n.data.length)).toBe(n.data));
  });
});

describe('collectMeta', () => {
  it('gathers JSON-LD, meta tags and time elements', () => {
    document.head.innerHTML = '<meta property="article:published_time" content="2024-01-31T10:00:00Z"><script type="application/ld+json">{"datePublished":"2024-01-31"}</script>';
    document.body.innerHTML = '<time datetime="2024-01-30">yesterday</time>';
    const meta = collectMeta(document, 'https://x.example/a');
    expect(meta.metas).toContainEqual(['article:published_time', '2024-01-31T10:00:00Z']);
    expect(meta.jsonLd).toEqual(['{"datePublished":"2024-01-31"}']);
    expect(meta.times).toEqual(['2024-01-30']);
  });
});

describe('wrapSpans / unwrapAll', () => {
  it('wraps mentions inside one text node, skips ones that cross elements, and restores the DOM exactly', async () => {
    document.body.innerHTML = '<p id="a" class="x">Home Secretary James Cleverly met Mr Cleverly &amp; <b>Rishi</b> Sunak.</p>';
    const before = document.body.innerHTML;
    const map = collectText(document.body);
    const at = (s: string) => map.text.indexOf(s);
    const created = await wrapSpans(document, map, [
      { start: at('James Cleverly'), end: at('James Cleverly') + 14, ref: 'p1', kind: 'person' },
      { start: at('Cleverly &') , end: at('Cleverly &') + 8, ref: 'p1', kind: 'person' },
      { start: at('Rishi'), end: at('Rishi') + 11, ref: 'p2', kind: 'person' }, // crosses <b>: left alone
    ]);
    expect(created.map((e) => e.textContent)).toEqual(['James Cleverly', 'Cleverly']);
    expect(document.querySelectorAll('np-mention')).toHaveLength(2);
    expect(document.body.textContent).toBe('Home Secretary James Cleverly met Mr Cleverly & Rishi Sunak.');
    unwrapAll();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('p')!.childNodes).toHaveLength(3);
  });

  it('never interprets text as markup', async () => {
    document.body.innerHTML = '<p>&lt;img src=x onerror=alert(1)&gt; James Cleverly</p>';
    const map = collectText(document.body);
    const start = map.text.indexOf('James');
    await wrapSpans(document, map, [{ start, end: start + 14, ref: 'p1', kind: 'person' }]);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('p')!.textContent).toBe('<img src=x onerror=alert(1)> James Cleverly');
  });
});
