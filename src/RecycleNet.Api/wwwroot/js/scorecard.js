import { getJson } from './api.js';
import { t, fmt, pct, pick } from './i18n.js';

let rows = [], sortKey = 'shortfall', ascending = false;

export async function loadScorecard() {
  const card = await getJson('/api/scorecard?policy=jinan-2024&year=2027');
  const targets = document.getElementById('targets');
  targets.innerHTML = '';
  for (const tg of card.targets) {
    const div = document.createElement('div');
    div.className = 'target';
    div.dataset.metric = tg.metric;
    const measured = tg.status !== 'notMeasured';
    div.innerHTML = `<h3>${pick(tg.labelZh, tg.labelEn)} (${tg.year})</h3>
      ${measured ? `<div class="bar"><div style="width:${(tg.progress * 100).toFixed(1)}%"></div></div>
      <p><span class="current">${fmt(tg.current)}</span> / <span class="target-value">${fmt(tg.target)}</span> · ${t('remaining')} <span class="remaining">${fmt(tg.remaining)}</span></p>`
        : `<p>${t('target')}: ${tg.kind === 'growth' ? pct(tg.target) : fmt(tg.target)} · ${t('notMeasured')}</p>`}
      <p class="cite">${t('citation')}: ${tg.citation.section} ${tg.citation.item} — “${tg.citation.quote}”</p>`;
    targets.append(div);
  }
  rows = card.districts;
  renderTable();
  return card;
}

const columns = [
  ['name', 'district'], ['households', 'households'], ['coveredHouseholds', 'covered'], ['share', 'share'],
  ['operatingOutlets', 'outlets'], ['fairShare', 'fairShare'], ['shortfall', 'shortfall'],
];

function renderTable() {
  const table = document.getElementById('districtTable');
  const sorted = [...rows].sort((a, b) => (a[sortKey] > b[sortKey] ? 1 : a[sortKey] < b[sortKey] ? -1 : 0) * (ascending ? 1 : -1));
  table.innerHTML = `<thead><tr>${columns.map(([k, label]) => `<th data-key="${k}">${t(label)}${k === sortKey ? (ascending ? ' ▲' : ' ▼') : ''}</th>`).join('')}</tr></thead>
    <tbody>${sorted.map(r => `<tr>${columns.map(([k]) => `<td>${k === 'name' ? r.name : k === 'share' ? pct(r.share) : fmt(r[k], k === 'fairShare' || k === 'shortfall' ? 1 : 0)}</td>`).join('')}</tr>`).join('')}</tbody>`;
  for (const th of table.querySelectorAll('th')) th.addEventListener('click', () => {
    ascending = sortKey === th.dataset.key ? !ascending : false;
    sortKey = th.dataset.key;
    renderTable();
  });
}
