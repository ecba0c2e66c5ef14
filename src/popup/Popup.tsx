/**
 * Toolbar popup: every figure on the page grouped by country then office (with
 * the office held on the article's date and the number of mentions), the
 * pledges, the article date and where it came from; a switch for this site and
 * a global pause.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Annotation } from '../core/annotate';
import type { DateSource } from '../core/articleDate';
import type { PersonResult } from '../core/resolve';
import { siteEnabled, type Settings } from '../core/settings';
import { STATUS_LABEL, years } from '../core/format';
import type { PageSummaryResponse, SetSettingsResponse, SettingsResponse, SiteStateResponse } from '../messages';
import { activeTabId, askTab } from '../ui/tabs';
import { countryName, formatDay, t } from '../ui/i18n';
import { applyTheme } from '../ui/theme';

type View =
  | { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'disabled' } | { kind: 'pending' } | { kind: 'stopped' }
  | { kind: 'nothing' } | { kind: 'page'; a: Annotation };

const send = <T,>(msg: unknown) => browser.runtime.sendMessage(msg) as Promise<T>;

function range(o: { start: string; end: string | null }): string {
  return o.end ? t('rangeFromTo', formatDay(o.start), formatDay(o.end)) : t('rangeSince', formatDay(o.start));
}

/** The office's dates, or on the day of a change "until today" / "from today; X until today". */
function officeLine(p: PersonResult, date: string): string {
  if (p.office && p.office.end === date) return t('rangeUntilToday');
  if (p.office && p.office.start === date && p.change) return t('rangeFromToday', p.change.short);
  if (p.office) return range(p.office);
  if (p.former) return t('formerOffice', p.former.short, years(p.former));
  return t('noOfficeOnDate');
}

/** Whole days from the data's as-of date to today: the popup says so past 60 (data updates are off, or failing). */
const dataAgeDays = (asOf: string) => Math.floor((Date.now() - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);

const firstAt = (p: PersonResult) => p.mentions[0]?.start ?? Infinity;

interface OfficeGroup {
  office: string;
  people: PersonResult[];
}

/** Country → office → people, each level in the order it first appears on the page. */
export function groups(people: PersonResult[]): [string, OfficeGroup[]][] {
  const sorted = [...people].sort((x, y) => firstAt(x) - firstAt(y));
  const byCountry = new Map<string, Map<string, PersonResult[]>>();
  for (const p of sorted) {
    const country = p.country ?? '';
    let offices = byCountry.get(country);
    if (!offices) byCountry.set(country, (offices = new Map()));
    const office = p.role ?? '';
    offices.set(office, [...(offices.get(office) ?? []), p]);
  }
  return [...byCountry].map(([c, offices]) => [c, [...offices].map(([office, list]) => ({ office, people: list }))]);
}

function statusLabel(status: string): string {
  const key = `status_${status}`;
  const s = t(key);
  return s === key ? (STATUS_LABEL[status] ?? status) : s;
}

const DATE_SOURCES: Record<DateSource, string> = { option: 'dateFromOption', metadata: 'dateFromMetadata', text: 'dateFromText', today: 'dateFromToday' };

export function Popup() {
  const [tabId, setTabId] = useState<number>();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [host, setHost] = useState<string>();
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    (async () => {
      const got = await send<SettingsResponse>({ type: 'get-settings' }).catch(() => undefined);
      if (got) {
        setSettings(got.settings);
        applyTheme(got.settings.theme);
      }
      const id = await activeTabId();
      setTabId(id);
      let res = id === undefined ? undefined : ((await askTab(id, { type: 'page-summary' })) as PageSummaryResponse | undefined);
      if (!res) return setView({ kind: 'unavailable' });
      setHost(res.host);
      // A page still being read answers "pending": ask again for a few seconds.
      for (let i = 0; i < 12 && res?.state === 'pending'; i++) {
        setView({ kind: 'pending' });
        await new Promise((r) => setTimeout(r, 400));
        res = (await askTab(id!, { type: 'page-summary' })) as PageSummaryResponse | undefined;
      }
      if (!res) setView({ kind: 'unavailable' });
      else if (res.state === 'annotated') setView({ kind: 'page', a: res.annotation });
      // Still nothing after a few seconds: a page with no text to read, or one still loading.
      else if (res.state === 'pending') setView({ kind: 'nothing' });
      else setView({ kind: res.state });
    })();
  }, []);

  /** After switching off (site or everywhere): the page is put back as it was at once. */
  const stopPage = async () => {
    if (tabId !== undefined) await askTab(tabId, { type: 'stop' });
    setView({ kind: 'stopped' });
  };

  const toggleSite = async (enabled: boolean) => {
    if (!host || !settings) return;
    setError(undefined);
    // Show the new state at once (the worker's answer follows).
    setSettings({ ...settings, deny: enabled ? settings.deny.filter((h) => h !== host) : [...settings.deny, host], allow: enabled ? [...settings.allow, host] : settings.allow.filter((h) => h !== host) });
    try {
      await send<SiteStateResponse>({ type: 'site-state', host, enabled });
      const got = await send<SettingsResponse>({ type: 'get-settings' });
      setSettings(got.settings);
      if (!enabled) await stopPage();
      else if (view.kind === 'stopped' || view.kind === 'disabled') setView({ kind: 'stopped' });
    } catch (e) {
      setSettings(settings);
      setError(String(e));
    }
  };

  const togglePause = async (paused: boolean) => {
    if (!settings) return;
    setError(undefined);
    setSettings({ ...settings, paused });
    const r = await send<SetSettingsResponse>({ type: 'set-settings', patch: { paused } }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (!r.ok) {
      setSettings(settings);
      return setError(r.error);
    }
    setSettings(r.settings);
    if (paused) await stopPage();
  };

  const paused = !!settings?.paused;
  // The site switch shows the site's own setting; the pause is a separate switch above it.
  const siteOn = !!settings && !!host && siteEnabled({ ...settings, paused: false }, host);
  const offHere = paused || (!!host && !!settings && !siteOn);

  return (
    <div>
      <header>
        <div class="bar">
          <h1>{t('extName')}</h1>
          <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>{t('popupOptions')}</button>
        </div>
        {settings && (
        <div class="switches">
          {host && (
            <label class="switch">
              <input type="checkbox" name="site" checked={siteOn} onChange={(e) => toggleSite(e.currentTarget.checked)} />
              {t('popupOnForSite', host)}
            </label>
          )}
          <label class="switch">
            <input type="checkbox" name="paused" checked={paused} onChange={(e) => togglePause(e.currentTarget.checked)} />
            {t('popupPauseEverywhere')}
          </label>
        </div>
        )}
      </header>
      {error && <p role="alert" class="error">{error}</p>}
      <main>
        {view.kind === 'loading' && <p class="state" role="status">{t('popupReading')}</p>}
        {view.kind === 'unavailable' && <p class="state" role="status">{t('popupUnavailable')}</p>}
        {(view.kind === 'disabled' || view.kind === 'stopped') && (
          <p class="state" role="status">{paused ? t('popupPausedState') : offHere ? t('popupSiteOffState') : t('popupReloadToApply')}</p>
        )}
        {view.kind === 'pending' && <p class="state" role="status">{t('popupStillReading')}</p>}
        {view.kind === 'nothing' && <p class="state" role="status">{t('popupNothingYet')}</p>}
        {view.kind === 'page' && tabId !== undefined && <PageView a={view.a} tabId={tabId} />}
      </main>
    </div>
  );
}

function PageView({ a, tabId }: { a: Annotation; tabId: number }) {
  const grouped = groups(a.people);
  return (
    <>
      {a.people.length === 0 && <p class="state" role="status">{t('popupNoFigures')}</p>}
      {grouped.map(([country, offices]) => (
        <section key={country} aria-labelledby={`c-${country}`}>
          <h2 id={`c-${country}`}>{countryName(country)}</h2>
          {offices.map(({ office, people }) => (
            <div key={office} class="office">
              <h3>{office || t('groupNoOffice')}</h3>
              <ul class="figures">
                {people.map((p) => (
                  <li key={p.id}>
                    <button type="button" title={t('popupRevealHint')} onClick={() => askTab(tabId, { type: 'reveal', personId: p.id })}>
                      <span class="count">
                        <span aria-hidden="true">{p.mentions.length}×</span>
                        <span class="sr-only">{t('mentionsCount', p.mentions.length)}</span>
                      </span>
                      <span class="who">{p.name}</span>
                      <span class="role">
                        {officeLine(p, a.date)}
                        {p.party ? ` · ${p.party}` : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {a.pledges.length > 0 && (
        <section aria-labelledby="pledges">
          <h2 id="pledges">{t('popupPledges')}</h2>
          <ul class="pledges">
            {a.pledges.map((pl) => (
              <li key={pl.id}>
                <span class="phrase">“{pl.phrase}”</span>
                <span class="role">
                  {pl.by.join(', ') || t('pledgeWord')} · <span class={`status status-${pl.status}`}>{statusLabel(pl.status)}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer>
        <p>
          {t('popupArticleDate', formatDay(a.date))} <span class="muted">({t(DATE_SOURCES[a.dateSource])}: {a.dateDetail})</span>
        </p>
        <p class="muted">{t('dataAsOf', formatDay(a.asOf))}</p>
        {dataAgeDays(a.asOf) > 60 && <p class="stale" role="note">{t('popupDataAge', String(dataAgeDays(a.asOf)))}</p>}
      </footer>
    </>
  );
}
