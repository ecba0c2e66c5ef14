/** Options page: the data sources Nameplate uses, with counts, licence and as-of date. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { DatasetInfoResponse } from '../messages';

export function Options() {
  const [info, setInfo] = useState<DatasetInfoResponse>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    browser.runtime.sendMessage({ type: 'dataset-info' }).then(
      (r) => setInfo(r as DatasetInfoResponse),
      (e: unknown) => setError(String(e)),
    );
  }, []);

  return (
    <main>
      <h1>Nameplate options</h1>
      <section aria-labelledby="sources">
        <h2 id="sources">Data sources</h2>
        {error && <p role="alert">Could not read the dataset: {error}</p>}
        {!info && !error && <p>Loading…</p>}
        {info && (
          <>
            <p>
              Bundled dataset: {info.people.toLocaleString()} people, {info.tenures.toLocaleString()} offices held,{' '}
              {info.pledges} pledges. Data as of {info.asOf}.
            </p>
            <table>
              <thead>
                <tr><th>Source</th><th>Licence</th><th>People</th><th>Offices</th></tr>
              </thead>
              <tbody>
                {info.sources.map((s) => (
                  <tr key={s.id} data-source={s.id}>
                    <td><a href={s.url} target="_blank" rel="noreferrer">{s.name}</a></td>
                    <td>{s.licence}</td>
                    <td>{s.people.toLocaleString()}</td>
                    <td>{s.tenures.toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </main>
  );
}
