/** Toolbar popup: every figure on the page, grouped by country then office. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Annotation } from '../core/annotate';
import type { PersonResult } from '../core/resolve';
import type { PageSummaryResponse, SiteStateResponse } from '../messages';
import { activeTabId, askTab } from '../ui/tabs';
import { formatDate, formatRange, years } from '../core/format';

type View = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'disabled' } | { kind: 'pending' } | { kind: 'page'; a: Annotation };

function officeLine(p: PersonResult): string {
  if (p.office) return `${p.office.short} · ${formatRange(p.office)}`;
  if (p.former) return `former ${p.former.short} (${years(p.former)})`;
  return 'no office on this date';
}

function groups(people: PersonResult[]): [string, PersonResult[]][] {
  const byCountry = new Map<string, PersonResult[]>();
  for (const p of people) byCountry.set(p.country ?? '—', [...(byCountry.get(p.country ?? '—') ?? []), p]);
  return [...byCountry].map(([c, list]) => [c, list.sort((x, y) => (x.role ?? '~').localeCompare(y.role ?? '~') || x.name.localeCompare(y.name))]);
}

export function Popup() {
  const [tabId, setTabId] = useState<number>();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [site, setSite] = useState<SiteStateResponse>();

  useEffect(() => {
    (async () => {
      const id = await activeTabId();
      setTabId(id);
      const res = id === undefined ? undefined : ((await askTab(id, { type: 'page-summary' })) as PageSummaryResponse | undefined);
      if (!res) return setView({ kind: 'unavailable' });
      setSite((await browser.runtime.sendMessage({ type: 'site-state', host: res.host })) as SiteStateResponse);
      if (res.state === 'annotated') setView({ kind: 'page', a: res.annotation });
      else setView({ kind: res.state });
    })();
  }, []);

  const toggleSite = async () => {
    if (!site) return;
    const next = (await browser.runtime.sendMessage({ type: 'site-state', host: site.host, enabled: !site.enabled })) as SiteStateResponse;
    setSite(next);
    // Switched off: the page is put back as it was at once. Switched on: it takes effect on reload.
    if (!next.enabled && tabId !== undefined) {
      await askTab(tabId, { type: 'stop' });
      setView({ kind: 'disabled' });
    }
  };

  return (
    <div>
      <header>
        <h1>Nameplate</h1>
        {site && (
          <label class="switch">
            <input type="checkbox" checked={site.enabled} onChange={toggleSite} /> On for {site.host}
          </label>
        )}
      </header>
      {view.kind === 'loading' && <p class="state">Reading the page…</p>}
      {view.kind === 'unavailable' && <p class="state">Nameplate cannot run on this page (browser and store pages are off limits). Open a news article.</p>}
      {view.kind === 'disabled' && <p class="state">Nameplate is off for this site. Switch it on above and reload the page.</p>}
      {view.kind === 'pending' && <p class="state">Still reading this page…</p>}
      {view.kind === 'page' && <PageView a={view.a} tabId={tabId!} />}
    </div>
  );
}

function PageView({ a, tabId }: { a: Annotation; tabId: number }) {
  return (
    <>
      {a.people.length === 0 && <p class="state">No officials or policy figures found on this page.</p>}
      {groups(a.people).map(([country, people]) => (
        <section key={country}>
          <h2>{country}</h2>
          <ul class="figures">
            {people.map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => askTab(tabId, { type: 'reveal', personId: p.id })}>
                  <span class="count" aria-label={`${p.mentions.length} mentions`}>{p.mentions.length}×</span>
                  <span class="who">{p.name}</span>
                  <br />
                  <span class="role">{officeLine(p)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {a.pledges.length > 0 && (
        <section>
          <h2>Pledges</h2>
          <ul class="figures">
            {a.pledges.map((pl) => (
              <li key={pl.id} class="muted" style={{ padding: '4px 8px' }}>
                “{pl.phrase}” · {pl.by.join(', ') || 'pledge'} · {pl.status.replace('_', ' ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer>
        Article date {formatDate(a.date)} ({a.dateDetail}). Data as of {formatDate(a.asOf)}.
      </footer>
    </>
  );
}
