/** Options › Data sources: the bundled sources and imported files, each switchable; importing a file; removing an import. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import {
  MAX_IMPORT_BASE64, type DatasetInfoResponse, type ImportFileResponse, type ListSourcesResponse, type RemoveSourceResponse, type SourceEntry,
} from '../messages';
import { formatDay, num, t } from '../ui/i18n';
import { Feedback, Section, send, toBase64, type Problem, type Save } from './common';

// Data sources and imports

export function Sources({ settings, save }: { settings?: Settings; save: Save }) {
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
