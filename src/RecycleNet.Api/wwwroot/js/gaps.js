import { getJson } from './api.js';
import { t, fmt } from './i18n.js';
import { zoomTo } from './map.js';

export async function loadGaps() {
  const gaps = await getJson('/api/coverage/gaps');
  document.getElementById('gapsSummary').textContent = t('gapsSummary', { n: fmt(gaps.features.length), hh: fmt(gaps.uncoveredHouseholds) });
  const table = document.getElementById('gapsTable');
  table.innerHTML = `<thead><tr><th>${t('name')}</th><th>${t('district')}</th><th>${t('households')}</th><th>${t('distance')}</th></tr></thead>
    <tbody>${gaps.features.slice(0, 500).map(f => `<tr data-lon="${f.geometry.coordinates[0]}" data-lat="${f.geometry.coordinates[1]}">
      <td><a href="#">${f.properties.name}</a></td><td>${f.properties.district ?? ''}</td><td>${fmt(f.properties.households)}</td>
      <td>${f.properties.distanceM == null ? '—' : fmt(f.properties.distanceM)}</td></tr>`).join('')}</tbody>`;
  for (const tr of table.querySelectorAll('tbody tr'))
    tr.querySelector('a').addEventListener('click', e => { e.preventDefault(); zoomTo(+tr.dataset.lon, +tr.dataset.lat); });
}
