// @vitest-environment happy-dom
/**
 * The fallback marks (src/content/wrap-marks.ts), for a browser without the Custom Highlight
 * API — happy-dom is one: wrapped, focusable mentions behind the same interface, undone exactly.
 */
import { describe, expect, it } from 'vitest';
import { collectText } from '../../src/dom/collect';
import { HighlightMarks } from '../../src/content/highlights';
import { WrapMarks } from '../../src/content/wrap-marks';
import type { Span } from '../../src/content/marks';

function spans(text: string): Span[] {
  return ['James Cleverly', 'Rishi Sunak'].flatMap((name, i) => {
    const out: Span[] = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) out.push({ start: at, end: at + name.length, ref: `p${i}`, kind: 'person' });
    return out;
  });
}

describe('wrapped marks, the fallback', () => {
  it('are used where the highlight API is missing, and restore the page exactly', async () => {
    expect(HighlightMarks.supported()).toBe(false);
    document.body.innerHTML = '<p id="a">James Cleverly met Rishi Sunak.</p><p id="b">Later, Rishi Sunak spoke.</p>';
    const before = document.body.innerHTML;
    const marks = new WrapMarks(document);
    marks.setPageSize(100);
    const map = collectText(document.body);
    expect(await marks.add(map, spans(map.text))).toBe(3);
    expect(marks.ordered().map((m) => m.ref)).toEqual(['p0', 'p1', 'p1']);
    const el = document.querySelector('np-mention')!;
    expect(el.getAttribute('tabindex')).toBe('0');
    expect(marks.at(0, 0, el)?.ref).toBe('p0');
    expect(marks.at(0, 0, el)).toBe(marks.ordered()[0]); // one handle per element: hover compares them
    expect(marks.at(0, 0, document.body)).toBeUndefined();
    marks.setStyle('background');
    expect(document.documentElement.getAttribute('data-nameplate-marks')).toBe('background');
    marks.dropRef('p1');
    expect([...document.querySelectorAll('np-mention')].map((e) => e.textContent)).toEqual(['James Cleverly']);
    marks.destroy();
    expect(document.body.innerHTML).toBe(before);
    expect(document.documentElement.hasAttribute('data-nameplate-marks')).toBe(false);
  });
});
