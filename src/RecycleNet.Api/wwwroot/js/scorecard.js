import { getJson } from './api.js';
import { t, fmt, pct, pick } from './i18n.js';
import { el, fill, table } from './dom.js';

let rows = [], sortKey = 'shortfall', ascending = false;

export async function loadScorecard() {
  const card = await getJson('/api/scorecard?policy=jinan-2024&year=2027');
  fill(document.getElementById('targets'), card.targets.map(tg => {
    const measured = tg.status !== 'notMeasured';
    const progress = Math.max(0, Math.min(1, Number(tg.progress) || 0));
    return el('div', { className: 'target', dataset: { metric: tg.metric } },
      el('h3', {}, `${pick(tg.labelZh, tg.labelEn)} (${tg.year})`),
      measured
        ? [el('div', { className: 'bar' }, el('div', { style: { width: `${(progress * 100).toFixed(1)}%` } })),
           el('p', {}, el('span', { className: 'current' }, fmt(tg.current)), ' / ', el('span', { className: 'target-value' }, fmt(tg.target)),
             ` · ${t('remaining')} `, el('span', { className: 'remaining' }, fmt(tg.remaining)))]
        : el('p', {}, `${t('target')}: ${tg.kind === 'growth' ? pct(tg.target) : fmt(tg.target)} · ${t('notMeasured')}`),
      el('p', { className: 'cite' }, `${t('citation')}: ${tg.citation.section} ${tg.citation.item} — “${tg.citation.quote}”`));
  }));
  rows = card.districts;
  renderTable();
  return card;
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
  const cell = (r, k) => k === 'name' ? r.name : k === 'share' ? pct(r.share) : fmt(r[k], k === 'fairShare' || k === 'shortfall' ? 1 : 0);
  table(document.getElementById('districtTable'), headers, sorted.map(r => el('tr', {}, columns.map(([k]) => el('td', {}, cell(r, k))))));
}
