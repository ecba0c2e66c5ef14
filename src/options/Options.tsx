/**
 * Options page: data sources (bundled and imported, each switchable; imports
 * removable), settings backup (export/import as JSON), sites (deny or allow
 * list, global pause) and appearance (marks, card delay, theme).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import browser from 'webextension-polyfill';
import { parseSettings, type Settings } from '../core/settings';
import {
  MAX_IMPORT_BASE64, type DatasetInfoResponse, type ImportFileResponse, type ListSourcesResponse, type RemoveSourceResponse,
  type SetSettingsResponse, type SettingsResponse, type SourceEntry,
} from '../messages';
import { formatDay, num, t } from '../ui/i18n';
import { parseHostList } from '../ui/hosts';
import { applyTheme } from '../ui/theme';
import { Updates } from './Updates';

const send = <T,>(msg: unknown) => browser.runtime.sendMessage(msg) as Promise<T | undefined>;

type Save = (patch: Partial<Settings>) => Promise<SetSettingsResponse>;
type Problem = { where: string; message: string };

/** Bytes → base64, in chunks (String.fromCharCode on 20 MB at once overflows the stack). */
function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** A polite status line and an assertive error list, shared by every section. */
function Feedback({ status, errors, lead }: { status?: string; errors?: Problem[] | string; lead?: string }) {
  return (
    <>
      <p role="status" class="ok">{status ?? ''}</p>
      {errors && (typeof errors === 'string' ? errors : errors.length > 0) && (
        <div role="alert" class="error">
          {typeof errors === 'string' ? (
            <p>{errors}</p>
          ) : (
            <>
              {lead && <p>{lead}</p>}
              <ul>
                {errors.map((e, i) => (
                  <li key={i}>{e.where ? `${e.where}: ${e.message}` : e.message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

export function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [notice, setNotice] = useState<string>();
  const [loadError, setLoadError] = useState<string>();

  useEffect(() => {
    send<SettingsResponse>({ type: 'get-settings' }).then(
      (r) => {
        if (!r) return setLoadError(t('optionsNoAnswer'));
        setSettings(r.settings);
        setNotice(r.notice);
        applyTheme(r.settings.theme);
      },
      (e: unknown) => setLoadError(String(e)),
    );
  }, []);

  // The latest settings, for saves that overlap (a slider moved with the keyboard saves at every step).
  const latest = useRef<Settings | undefined>(undefined);
  latest.current = settings;

  /** Save a patch. The controls show it at once (optimistically); a refusal puts the previous value back. */
  const save: Save = async (patch) => {
    const prev = latest.current;
    if (prev) setSettings((latest.current = { ...prev, ...patch }));
    const r = (await send<SetSettingsResponse>({ type: 'set-settings', patch }).catch((e: unknown) => ({ ok: false as const, error: String(e) }))) ??
      { ok: false as const, error: t('optionsNoAnswer') };
    if (r.ok) {
      setSettings((latest.current = r.settings));
      setNotice(undefined);
      applyTheme(r.settings.theme);
    } else if (prev) {
      setSettings((latest.current = prev));
    }
    return r;
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {notice && (
        <div role="status" class="notice">
          <p><strong>{t('noticeSettingsReset')}</strong></p>
          <p class="muted">{notice}</p>
          <button type="button" onClick={() => save({})}>{t('noticeKeepDefaults')}</button>
        </div>
      )}
      {loadError && <p role="alert" class="error">{loadError}</p>}
      <nav aria-label={t('optionsSectionsNav')}>
        <ul class="toc">
          <li><a href="#sources">{t('sourcesTitle')}</a></li>
          <li><a href="#updates">{t('updatesTitle')}</a></li>
          <li><a href="#sites">{t('sitesTitle')}</a></li>
          <li><a href="#appearance">{t('appearanceTitle')}</a></li>
          <li><a href="#backup">{t('backupTitle')}</a></li>
        </ul>
      </nav>
      <Sources settings={settings} save={save} />
      <Updates />
      {settings && (
        <>
          <Sites settings={settings} save={save} />
          <Appearance settings={settings} save={save} />
          <Backup settings={settings} save={save} />
        </>
      )}
    </main>
  );
}

// ---------------------------------------------------------------------------
// Data sources and imports

function Sources({ settings, save }: { settings?: Settings; save: Save }) {
  const [list, setList] = useState<ListSourcesResponse>();
  const [info, setInfo] = useState<DatasetInfoResponse>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    try {
      const r = await send<ListSourcesResponse>({ type: 'list-sources' });
      if (!r) throw new Error(t('optionsNoAnswer'));
      setList(r);
    } catch (e) {
      setError(t('sourcesLoadError', String(e)));
    }
  };

  useEffect(() => {
    void refresh();
    send<DatasetInfoResponse>({ type: 'dataset-info' }).then(setInfo, () => undefined);
  }, []);
  // The settings change the enabled flags: re-read the list after every save.
  useEffect(() => {
    if (settings) void refresh();
  }, [settings?.disabledSources.join('\n')]);

  // Keyboard users land on the confirm button, and back on "Remove" after cancelling.
  const lastConfirm = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (confirming) document.getElementById(`confirm-${confirming}`)?.focus();
    else if (lastConfirm.current) document.getElementById(`remove-${lastConfirm.current}`)?.focus();
    lastConfirm.current = confirming;
  }, [confirming]);

  const toggle = async (s: SourceEntry, on: boolean) => {
    if (!settings) return;
    setError(undefined);
    const off = new Set(settings.disabledSources);
    if (on) off.delete(s.id);
    else off.add(s.id);
    const r = await save({ disabledSources: [...off] });
    if (!r.ok) setError(r.error);
    else setStatus(on ? t('sourceSwitchedOn', s.name) : t('sourceSwitchedOff', s.name));
  };

  const remove = async (s: SourceEntry) => {
    setBusy(true);
    setError(undefined);
    const r = (await send<RemoveSourceResponse>({ type: 'remove-source', id: s.id }).catch((e: unknown) => ({ ok: false as const, error: String(e) }))) ??
      { ok: false as const, error: t('optionsNoAnswer') };
    setBusy(false);
    setConfirming(undefined);
    if (!r.ok) return setError(r.error);
    setStatus(t('sourceRemoved', s.name));
    await refresh();
    document.getElementById('import-file')?.focus();
  };

  // Whether a source is on comes from the settings (updated at once when a box is ticked), else from the list.
  const sources = (list?.sources ?? []).map((s) => (settings && !s.broken ? { ...s, enabled: !settings.disabledSources.includes(s.id) } : s));
  return (
    <Section id="sources" title={t('sourcesTitle')}>
      {!list && !error && <p>{t('loading')}</p>}
      {info && (
        <p>{t('sourcesSummary', num(info.people), num(info.tenures), num(info.pledges), formatDay(info.asOf))}</p>
      )}
      {list && (
        <table>
          <caption class="sr-only">{t('sourcesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colUse')}</th>
              <th scope="col">{t('colSource')}</th>
              <th scope="col">{t('colLicence')}</th>
              <th scope="col" class="n">{t('colPeople')}</th>
              <th scope="col" class="n">{t('colOffices')}</th>
              <th scope="col">{t('colAsOf')}</th>
              <th scope="col"><span class="sr-only">{t('colActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} data-source={s.id} data-kind={s.kind} class={s.enabled ? '' : 'off'}>
                <td>
                  <input type="checkbox" id={`use-${s.id}`} checked={s.enabled} disabled={!settings || s.broken} onChange={(e) => toggle(s, e.currentTarget.checked)} />
                  <label for={`use-${s.id}`} class="sr-only">{t('useSource', s.name)}</label>
                </td>
                <th scope="row" class="name">
                  {/^https?:\/\//.test(s.url) ? <a href={s.url} target="_blank" rel="noreferrer">{s.name}</a> : s.name}
                  {s.kind === 'imported' && (
                    <span class="badge">{s.broken ? t('importBroken') : t('importedBadge', s.fileName ?? '', s.importedAt ? formatDay(s.importedAt.slice(0, 10)) : '')}</span>
                  )}
                  {s.kind === 'bundled' && !!s.pledges && <span class="muted"> · {t('pledgesCount', num(s.pledges))}</span>}
                </th>
                <td>{s.licence || '—'}</td>
                <td class="n people">{num(s.people)}</td>
                <td class="n tenures">{num(s.tenures)}</td>
                <td class="date">{s.asOf ? formatDay(s.asOf) : '—'}</td>
                <td>
                  {s.kind === 'imported' &&
                    (confirming === s.id ? (
                      <span class="confirm">
                        <button type="button" id={`confirm-${s.id}`} class="danger" disabled={busy} onClick={() => remove(s)}>
                          {t('removeConfirm', s.name)}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(undefined)}>{t('cancel')}</button>
                      </span>
                    ) : (
                      <button type="button" id={`remove-${s.id}`} aria-label={t('removeSourceLabel', s.name)} onClick={() => setConfirming(s.id)}>
                        {t('remove')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Feedback status={status} errors={error} />
      <ImportFile onImported={refresh} />
    </Section>
  );
}

function ImportFile({ onImported }: { onImported: () => Promise<void> }) {
  const [errors, setErrors] = useState<Problem[]>();
  const [errorCount, setErrorCount] = useState(0);
  const [status, setStatus] = useState<string>();
  const [warnings, setWarnings] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setErrors(undefined);
    setWarnings([]);
    setStatus(t('importing', file.name));
    try {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      if (base64.length > MAX_IMPORT_BASE64) throw new Error(t('importTooLarge'));
      const r = await send<ImportFileResponse>({ type: 'import-file', name: file.name, base64 });
      if (!r) throw new Error(t('optionsNoAnswer'));
      if (!r.ok) {
        setStatus(undefined);
        setErrors(r.errors);
        setErrorCount(r.errorCount ?? r.errors.length);
        return;
      }
      setStatus(t('importDone', r.source.name, num(r.source.people), num(r.source.tenures)));
      setWarnings(r.warnings);
      await onImported();
    } catch (e) {
      setStatus(undefined);
      setErrors([{ where: file.name, message: e instanceof Error ? e.message : String(e) }]);
      setErrorCount(1);
    } finally {
      if (input.current) input.current.value = ''; // the same file can be chosen again
    }
  };

  return (
    <div class="sub" id="import">
      <h3>{t('importTitle')}</h3>
      <p class="muted">{t('importHelp')}</p>
      <p>
        <label for="import-file">{t('importChoose')}</label>{' '}
        <input ref={input} id="import-file" type="file" accept=".csv,.tsv,.json,.txt,text/csv,application/json" onChange={(e) => onFile(e.currentTarget.files?.[0])} />
      </p>
      <Feedback
        status={status} errors={errors}
        lead={errors && errorCount > errors.length ? `${t('importFailed')} ${t('importMoreErrors', num(errorCount), num(errors.length))}` : t('importFailed')}
      />
      {warnings.length > 0 && (
        <details class="warnings">
          <summary>{t('importWarnings', num(warnings.length))}</summary>
          <ul>{warnings.slice(0, 50).map((w, i) => <li key={i}>{w}</li>)}</ul>
        </details>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------
// Sites

function Sites({ settings, save }: { settings: Settings; save: Save }) {
  const [mode, setMode] = useState(settings.siteMode);
  const [text, setText] = useState({ all: settings.deny.join('\n'), allowlist: settings.allow.join('\n') });
  const [status, setStatus] = useState<string>();
  const [errors, setErrors] = useState<Problem[]>();
  const [pauseStatus, setPauseStatus] = useState<string>();

  // Settings changed elsewhere (an import of settings, the popup): show them.
  useEffect(() => {
    setMode(settings.siteMode);
    setText({ all: settings.deny.join('\n'), allowlist: settings.allow.join('\n') });
  }, [settings.siteMode, settings.deny.join('\n'), settings.allow.join('\n')]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus(undefined);
    const deny = parseHostList(text.all);
    const allow = parseHostList(text.allowlist);
    const bad = mode === 'all' ? deny.bad : allow.bad;
    if (bad.length) return setErrors(bad.map((b) => ({ where: t('lineN', b.line), message: t('notAHost', b.text) })));
    setErrors(undefined);
    const r = await save({ siteMode: mode, deny: deny.hosts, allow: allow.hosts });
    if (!r.ok) return setErrors([{ where: '', message: r.error }]);
    setStatus(t('saved'));
  };

  const listId = mode === 'all' ? 'deny-list' : 'allow-list';
  return (
    <Section id="sites" title={t('sitesTitle')}>
      <p>
        <label class="check">
          <input type="checkbox" name="paused" checked={settings.paused} onChange={async (e) => {
            const r = await save({ paused: e.currentTarget.checked });
            setPauseStatus(r.ok ? (r.settings.paused ? t('pausedNow') : t('resumedNow')) : r.error);
          }} />
          {t('pauseEverywhere')}
        </label>
        <span class="muted hint">{t('pauseHint')}</span>
      </p>
      <p role="status" class="ok">{pauseStatus ?? ''}</p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('siteModeLegend')}</legend>
          <label class="check">
            <input type="radio" name="siteMode" value="all" checked={mode === 'all'} onChange={() => setMode('all')} />
            {t('siteModeAll')}
          </label>
          <label class="check">
            <input type="radio" name="siteMode" value="allowlist" checked={mode === 'allowlist'} onChange={() => setMode('allowlist')} />
            {t('siteModeAllow')}
          </label>
        </fieldset>
        <p>
          <label for={listId}>{mode === 'all' ? t('denyListLabel') : t('allowListLabel')}</label>
          <textarea
            id={listId} name={listId} rows={6} spellcheck={false} autocapitalize="off" aria-describedby="hosts-hint"
            value={text[mode]} onInput={(e) => setText({ ...text, [mode]: e.currentTarget.value })}
          />
          <span id="hosts-hint" class="muted hint">{t('hostsHint')}</span>
        </p>
        <button type="submit">{t('saveSites')}</button>
        <Feedback status={status} errors={errors} lead={t('sitesNotSaved')} />
      </form>
    </Section>
  );
}

// ---------------------------------------------------------------------------
// Appearance

function Appearance({ settings, save }: { settings: Settings; save: Save }) {
  const [status, setStatus] = useState<string>();
  const [delay, setDelay] = useState(settings.delayMs);
  // While the slider moves, its own value wins; it is saved once it rests.
  const moving = useRef(0);
  useEffect(() => {
    if (!moving.current) setDelay(settings.delayMs);
  }, [settings.delayMs]);
  const saveDelay = (ms: number) => {
    setDelay(ms);
    clearTimeout(moving.current);
    moving.current = window.setTimeout(() => {
      moving.current = 0;
      void apply({ delayMs: ms });
    }, 250);
  };

  const apply = async (patch: Partial<Settings>) => {
    const r = await save(patch);
    setStatus(r.ok ? t('saved') : r.error);
  };

  return (
    <Section id="appearance" title={t('appearanceTitle')}>
      <fieldset>
        <legend>{t('marksLegend')}</legend>
        {(['underline', 'background', 'none'] as const).map((m) => (
          <label class="check" key={m}>
            <input type="radio" name="marks" value={m} checked={settings.marks === m} onChange={() => apply({ marks: m })} />
            <span class={`sample marks-${m}`}>{t(`marks_${m}`)}</span>
          </label>
        ))}
      </fieldset>
      <p class="range">
        <label for="delay">{t('delayLabel')}</label>
        <input
          id="delay" type="range" min={150} max={1500} step={50} value={Math.min(1500, Math.max(150, delay))} aria-describedby="delay-value"
          aria-valuetext={t('msValue', delay)}
          onInput={(e) => saveDelay(Number(e.currentTarget.value))}
        />
        <output id="delay-value" for="delay">{t('msValue', delay)}</output>
      </p>
      <fieldset>
        <legend>{t('themeLegend')}</legend>
        {(['auto', 'light', 'dark'] as const).map((th) => (
          <label class="check" key={th}>
            <input type="radio" name="theme" value={th} checked={settings.theme === th} onChange={() => apply({ theme: th })} />
            {t(`theme_${th}`)}
          </label>
        ))}
      </fieldset>
      <p role="status" class="ok">{status ?? ''}</p>
    </Section>
  );
}

// ---------------------------------------------------------------------------
// Settings backup

function Backup({ settings, save }: { settings: Settings; save: Save }) {
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  const exportSettings = () => {
    const blob = new Blob([`${JSON.stringify(settings, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'nameplate-settings.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(t('exportDone'));
  };

  const importSettings = async (file: File | undefined) => {
    if (!file) return;
    setStatus(undefined);
    setError(undefined);
    try {
      let value: unknown;
      try {
        value = JSON.parse(await file.text());
      } catch (e) {
        return setError(t('settingsNotImported', t('notJson', e instanceof Error ? e.message : String(e))));
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) return setError(t('settingsNotImported', t('notSettingsObject')));
      const parsed = parseSettings(value);
      if (parsed.problem) return setError(t('settingsNotImported', parsed.problem));
      const r = await save(parsed.settings);
      if (!r.ok) return setError(t('settingsNotImported', r.error));
      setStatus(t('settingsImported'));
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Section id="backup" title={t('backupTitle')}>
      <p class="muted">{t('backupHelp')}</p>
      <p>
        <button type="button" id="export-settings" onClick={exportSettings}>{t('exportSettings')}</button>
      </p>
      <p>
        <label for="import-settings">{t('importSettings')}</label>{' '}
        <input ref={input} id="import-settings" type="file" accept=".json,application/json" onChange={(e) => importSettings(e.currentTarget.files?.[0])} />
      </p>
      <Feedback status={status} errors={error} />
    </Section>
  );
}
