import { getJson, cityUrl } from './api.js';
import { t, fmt, pct, pick } from './i18n.js';
import { el, fill, table } from './dom.js';
import { volumeTarget } from './volumes.js';
import { renderDashboard } from './dashboard.js';

let rows = [], sortKey = 'shortfall', ascending = false;

export async function loadScorecard() {
  // The city's own policy (the service picks it when none is named).
  // Every year's targets: the 2025 volume targets are measured too.
  const card = await getJson('/api/scorecard');
  await renderDashboard(card);
  document.getElementById('districtsXlsx').href = cityUrl('/api/scorecard?year=2027&f=xlsx');
  fill(document.getElementById('targets'), card.targets.map(tg => {
    const measured = tg.status !== 'notMeasured';
    const progress = Math.max(0, Math.min(1, Number(tg.progress) || 0));
    // A growth target's current and target are shares of the baseline (+15 %); a count's are counts.
    const value = n => (tg.kind === 'growth' ? pct(n) : fmt(Math.round(n)));
    return el('div', { className: 'target', dataset: { metric: tg.metric, target: tg.id } },
      el('h3', {}, `${pick(tg.labelZh, tg.labelEn)} (${tg.year})`),
      measured
        ? [el('div', { className: 'bar' }, el('div', { style: { width: `${(progress * 100).toFixed(1)}%` } })),
           el('p', {}, el('span', { className: 'current' }, value(tg.current)), ' / ', el('span', { className: 'target-value' }, value(tg.target)),
             ` · ${t('remaining')} `, el('span', { className: 'remaining' }, value(tg.remaining)))]
        : el('p', {}, `${t('target')}: ${value(tg.target)} · ${tg.volume ? t('volume.notMeasured') : t('notMeasured')}`),
      tg.volume ? volumeTarget(tg) : null,
      el('p', { className: 'cite' }, `${t('citation')}: ${tg.citation.section} ${tg.citation.item} — “${tg.citation.quote}”`));
  }));
  rows = card.districts;
  renderTable();
  renderTiers(card.tiers, card.mergedPoints);
  return card;
}

/** The county – township – village tiers (Binzhou, Anqiu) and the merged waste-sorting points (两网融合), where the city has them. */
function renderTiers(tiers, merged) {
  const box = document.getElementById('tiers');
  const parts = [];
  if (merged) {
    parts.push(el('div', { className: 'target', dataset: { metric: 'mergedPoints' } },
      el('h3', {}, t('merged.title')),
      el('p', {}, t('merged.line', { merged: fmt(merged.merged), points: fmt(merged.points), share: pct(merged.share ?? 0) })),
      merged.measure ? el('p', { className: 'cite' }, `${t('citation')}: ${merged.measure.section} ${merged.measure.item} — “${merged.measure.quote}”`) : null));
  }
  if (tiers) {
    const rule = (id, text) => `${text}: ${tiers.rules.rules[id].value} ${tiers.rules.rules[id].unit}` + (tiers.rules.rules[id].assumption ? ` (${t('assumption')})` : '');
    const share = (n, all) => `${fmt(n)} / ${fmt(all)}` + (all ? ` (${pct(n / all)})` : '');
    const row = (name, x) => el('tr', {}, el('td', {}, name), el('td', {}, share(x.villagesServed, x.villages)),
      el('td', {}, share(x.residentsServed, x.residents)), el('td', {}, share(x.townshipsServed, x.townships)),
      el('td', {}, fmt(x.townshipsWithStation)), el('td', {}, share(x.stationsServed, x.stations)));
    const body = el('table', { id: 'tierTable' },
      el('thead', {}, el('tr', {}, [t('district'), t('tier.villages'), t('tier.residents'), t('tier.townships'), t('tier.withStation'), t('tier.stations')].map(h => el('th', {}, h)))),
      el('tbody', {}, tiers.counties.map(c => row(c.name, c.totals)), row(t('tier.city'), tiers.city)));
    parts.push(el('h2', {}, t('tier.title')),
      el('p', { className: 'cite' }, `${t('citation')}: ${tiers.rules.citation.section} ${tiers.rules.citation.item} — “${tiers.rules.citation.quote}”`),
      el('p', { className: 'hint' }, [rule('villageOutletKm', t('tier.ruleVillage')), rule('townshipStationMinutes', t('tier.ruleTownship')),
        rule('stationCentreMinutes', t('tier.ruleStation'))].join(' · ')),
      el('p', { className: 'hint' }, `${t('tier.method')}: ${pick(tiers.methodZh ?? tiers.method, tiers.method)}`),
      body);
  }
  fill(box, parts);
}

const columns = [
  ['name', 'district'], ['households', 'households'], ['coveredHouseholds', 'covered'], ['share', 'share'],
  ['operatingOutlets', 'outlets'], ['fairShare', 'fairShare'], ['shortfall', 'shortfall'],
];

function renderTable() {
  const sorted = [...rows].sort((a, b) => (a[sortKey] > b[sortKey] ? 1 : a[sortKey] < b[sortKey] ? -1 : 0) * (ascending ? 1 : -1));
  const headers = columns.map(([k, label]) => el('th', {
    dataset: { key: k },
    onclick: () => { ascending = sortKey === k ? !ascending : false; sortKey = k; renderTable(); },
  }, t(label) + (k === sortKey ? (ascending ? ' ▲' : ' ▼') : '')));
  // Fair shares and shortfalls are outlets: whole numbers (the seats by largest remainder, and what is missing of them).
  const cell = (r, k) => k === 'name' ? r.name : k === 'share' ? pct(r.share) : k === 'fairShare' ? fmt(r.fairShareSeats ?? Math.round(r.fairShare))
    : k === 'shortfall' ? (r.shortfall == null ? '—' : fmt(Math.max(0, Math.round(r.shortfall)))) : fmt(r[k]);
  table(document.getElementById('districtTable'), headers, sorted.map(r => el('tr', {}, columns.map(([k]) => el('td', {}, cell(r, k))))));
}
