/** Options › Backup: the settings exported and imported as JSON. */
import { useRef, useState } from 'preact/hooks';
import { parseSettings, type Settings } from '../core/settings';
import { t } from '../ui/i18n';
import { Feedback, Section, type Save } from './common';

// Settings backup

export function Backup({ settings, save }: { settings: Settings; save: Save }) {
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
