/** The hover card's content: who, the office on the article's date, and where the facts come from. */
import type { CardActions, CardModel } from '../content/card-api';
import type { OfficeView, PledgeResult } from '../core/resolve';
import { formatDate, formatRange, years, STATUS_LABEL } from '../core/format';
import { partyColour, STATUS_COLOURS } from './theme';

const t = (key: string, fallback: string, ...subs: string[]) => {
  try {
    return chrome.i18n.getMessage(key, subs) || fallback.replace(/\$(\d)/g, (_, i) => subs[+i - 1] ?? '');
  } catch {
    return fallback.replace(/\$(\d)/g, (_, i) => subs[+i - 1] ?? '');
  }
};

/** The office on the article's date; on the day of a change, "from today" or "until today". */
function Office({ o, date, also, change }: { o: OfficeView; date: string; also: OfficeView[]; change: OfficeView | null }) {
  const when = o.start === date ? t('card_fromToday', 'from today') : o.end === date ? t('card_untilToday', 'until today') : formatRange(o);
  return (
    <>
      <p>
        <span class="role">{[o.short, ...also.map((a) => a.short)].join(t('card_and', ' and '))}</span> · <span class="range">{when}</span>
      </p>
      {change && <p class="change">{t('card_changeToday', '$1 until today', change.short)}</p>}
    </>
  );
}

function Pledge({ p }: { p: PledgeResult }) {
  return (
    <li>
      “{p.phrase}”
      <span class="badge" style={{ background: STATUS_COLOURS[p.status] ?? '#5f6368' }}>{STATUS_LABEL[p.status] ?? p.status}</span>
      <span class="muted">{formatDate(p.statusDate)}</span>
    </li>
  );
}

export function Card({ model, actions }: { model: CardModel; actions: CardActions }) {
  const foot = t('card_dateUsed', 'Article date $1 ($2). Data as of $3.', formatDate(model.date), model.dateDetail, formatDate(model.asOf));
  if (model.kind === 'pledge') {
    const p = model.pledge;
    return (
      <>
        <h2>“{p.phrase}”</h2>
        <p>{p.wording}</p>
        {p.by.length > 0 && <p class="muted">{t('card_pledgeBy', 'Pledge by $1', p.by.join(', '))}</p>}
        <ul class="section"><Pledge p={p} /></ul>
        <p class="foot">
          {t('card_source', 'Source: $1', p.url)}
          {p.statusUrl && <> · {t('card_statusSource', 'Status: $1', p.statusUrl)}</>} · {foot}
        </p>
      </>
    );
  }
  const p = model.person;
  return (
    <>
      <h2>
        {p.name}
        {p.currentName && <span class="now-name"> {t('card_nowCalled', '(now $1)', p.currentName)}</span>}
      </h2>
      {p.office ? (
        <Office o={p.office} date={model.date} also={p.alsoHeld ?? []} change={p.change ?? null} />
      ) : p.former ? (
        <p class="role">{t('card_former', 'former $1 ($2)', p.former.short, years(p.former))}</p>
      ) : (
        <p class="role">{t('card_noOffice', 'No office on the article’s date')}</p>
      )}
      <p class="meta">
        {p.party && <span class="chip" style={{ background: partyColour(p.party) }} aria-hidden="true" />}
        {[p.party, p.country].filter(Boolean).join(' · ')}
      </p>
      {p.dataRunsTo && <p class="stale">{t('card_dataRunsTo', 'Data for this office runs to $1.', formatDate(p.dataRunsTo))}</p>}
      {p.now && <p class="now">{t('card_now', 'Now: $1 ($2)', p.now.short, formatRange(p.now))}</p>}
      {p.earlier.length > 0 && (
        <div class="section">
          <h3>{t('card_earlier', 'Earlier')}</h3>
          <ul>{p.earlier.map((o) => <li key={o.short + o.start}>{o.short} <span class="muted">({years(o)})</span></li>)}</ul>
        </div>
      )}
      {model.pledges.length > 0 && (
        <div class="section">
          <h3>{t('card_pledges', 'Pledges')}</h3>
          <ul>{model.pledges.map((pl) => <Pledge key={pl.id} p={pl} />)}</ul>
        </div>
      )}
      <p class="foot">
        {t('card_why', 'Matched by $1.', p.why)} {t('card_sources', 'Source: $1.', p.sources.join(', '))} {foot}
      </p>
      <p class="actions">
        <button type="button" onClick={() => actions.notThisPerson(p.id)}>{t('card_notThisPerson', 'Not this person')}</button>
        <button type="button" onClick={() => actions.dontMarkSite()}>{t('card_dontMarkSite', 'Don’t mark on this site')}</button>
      </p>
    </>
  );
}
