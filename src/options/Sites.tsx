/** Options › Sites: where Nameplate is on or off (deny or allow list) and the global pause. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { t } from '../ui/i18n';
import { parseHostList } from '../ui/hosts';
import { Feedback, Section, type Problem, type Save } from './common';

// Sites

export function Sites({ settings, save }: { settings: Settings; save: Save }) {
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
