/**
 * Options page: data sources (bundled and imported, each switchable; imports
 * removable), data updates, settings backup (export/import as JSON), sites (deny or
 * allow list, global pause), appearance (marks, card delay, theme) and the keyboard shortcuts. Each section is
 * its own module; this one loads the settings and lays the page out.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import type { SetSettingsResponse, SettingsResponse } from '../messages';
import { t } from '../ui/i18n';
import { applyTheme } from '../ui/theme';
import { send, type Save } from './common';
import { Updates } from './Updates';
import { Sources } from './Sources';
import { Sites } from './Sites';
import { Appearance } from './Appearance';
import { Backup } from './Backup';
import { Keyboard } from './Keyboard';

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
          <li><a href="#keyboard">{t('keyboardTitle')}</a></li>
          <li><a href="#backup">{t('backupTitle')}</a></li>
        </ul>
      </nav>
      <Sources settings={settings} save={save} />
      <Updates />
      {settings && (
        <>
          <Sites settings={settings} save={save} />
          <Appearance settings={settings} save={save} />
          <Keyboard />
          <Backup settings={settings} save={save} />
        </>
      )}
    </main>
  );
}
