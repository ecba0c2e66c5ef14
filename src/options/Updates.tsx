/**
 * Options › Data updates: the data in use (version, date, each source's as-of date), the last
 * check and its result, "Check now", the switch that turns updates off, and the way back to the
 * bundled data. Nothing is requested unless updates are on and this build has an update address.
 */
import { useEffect, useState } from 'preact/hooks';
import type { UpdateStatusResponse } from '../messages';
import { formatDay, t } from '../ui/i18n';
import { Section, send } from './common';

function lastResult(s: UpdateStatusResponse): string {
  if (!s.last) return t('updatesNeverChecked');
  const when = new Date(s.last.at).toLocaleString();
  if (s.last.ok && s.last.installed) return t('updatesInstalled', String(s.last.installed), when);
  if (s.last.ok) return t('updatesUpToDate', when);
  return t('updatesFailed', when, s.last.reason ?? 'error', s.last.detail ?? '');
}

export function Updates() {
  const [status, setStatus] = useState<UpdateStatusResponse>();
  const [busy, setBusy] = useState(false);
  const run = async (msg: unknown) => {
    setBusy(true);
    try {
      setStatus((await send<UpdateStatusResponse>(msg)) ?? status);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void run({ type: 'update-status' }), []);
  if (!status) return null;
  const { data } = status;
  return (
    <Section id="updates" title={t('updatesTitle')}>
      <p>
        {t(data.origin === 'update' ? 'updatesDataFromUpdate' : 'updatesDataBundled', String(data.version), formatDay(data.asOf))}
        {data.built && <> {t('updatesBuilt', formatDay(data.built))}</>}
      </p>
      <table>
        <caption>{t('updatesSourcesCaption')}</caption>
        <thead><tr><th scope="col">{t('colSource')}</th><th scope="col">{t('colLicence')}</th><th scope="col">{t('colAsOf')}</th></tr></thead>
        <tbody>{data.sources.map((s) => <tr key={s.id}><td>{s.name}</td><td>{s.licence}</td><td class="date">{s.asOf ? formatDay(s.asOf) : '—'}</td></tr>)}</tbody>
      </table>
      {status.address ? (
        <>
          <p class="muted">{t('updatesAddress', status.address)}</p>
          <label class="switch">
            <input type="checkbox" checked={status.enabled} disabled={busy} onChange={(e) => {
              // Shown at once (a controlled box would flick back until the worker answers); the answer then rules.
              const enabled = (e.target as HTMLInputElement).checked;
              setStatus({ ...status, enabled });
              void run({ type: 'update-set', enabled });
            }} />
            {t('updatesEnabled')}
          </label>
          <p role="status" aria-live="polite">{t('updatesLastCheck')} {lastResult(status)}</p>
          <p>
            <button type="button" disabled={busy || !status.enabled} onClick={() => run({ type: 'update-check' })}>{busy ? t('updatesChecking') : t('updatesCheckNow')}</button>{' '}
            {data.origin === 'update' && <button type="button" disabled={busy} onClick={() => run({ type: 'update-reset' })}>{t('updatesReset')}</button>}
          </p>
        </>
      ) : (
        <p class="muted">{t('updatesNotConfigured')}</p>
      )}
    </Section>
  );
}
