/**
 * The dataset the reader actually uses: the bundled one minus the sources they
 * switched off, plus their enabled imports. Pure (no browser API), so the unit
 * tests exercise it directly; src/background/sources.ts caches the result.
 */
import type { Dataset } from '../core/schema';

/**
 * The bundled data without the sources in `disabled`: a tenure or pledge goes
 * with its source; a person goes when every source that contributed them is off
 * (and keeps only the sources still on, so the card never credits one that is off).
 */
export function withoutSources(data: Dataset, disabled: ReadonlySet<string>): Dataset {
  if (!data.sources.some((s) => disabled.has(s.id))) return data;
  const people = [];
  for (const p of data.people) {
    const src = p.src.filter((s) => !disabled.has(s));
    if (src.length) people.push(src.length === p.src.length ? p : { ...p, src });
  }
  const kept = new Set(people.map((p) => p.id));
  const pledges = [];
  for (const pl of data.pledges) {
    if (disabled.has(pl.src)) continue;
    const by = pl.by.filter((id) => kept.has(id));
    pledges.push(by.length === pl.by.length ? pl : { ...pl, by });
  }
  return {
    ...data,
    sources: data.sources.filter((s) => !disabled.has(s.id)),
    people,
    tenures: data.tenures.filter((t) => !disabled.has(t.src) && kept.has(t.person)),
    pledges,
  };
}

/** People and tenures each bundled source contributed (computed once: it walks the whole dataset). */
export function countBySource(data: Dataset): Map<string, { people: number; tenures: number; pledges: number }> {
  const counts = new Map(data.sources.map((s) => [s.id, { people: 0, tenures: 0, pledges: 0 }]));
  for (const p of data.people) for (const s of p.src) { const c = counts.get(s); if (c) c.people++; }
  for (const t of data.tenures) { const c = counts.get(t.src); if (c) c.tenures++; }
  for (const pl of data.pledges) { const c = counts.get(pl.src); if (c) c.pledges++; }
  return counts;
}

/** Decode base64 (standard alphabet, padding optional) to bytes; throws on anything else. */
export function decodeBase64(b64: string): Uint8Array {
  const clean = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new Error('not base64');
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Is this error the storage area's quota? (Chrome: "QUOTA_BYTES quota exceeded"; Firefox: QuotaExceededError.) */
export function isQuotaError(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /quota/i.test(text);
}
