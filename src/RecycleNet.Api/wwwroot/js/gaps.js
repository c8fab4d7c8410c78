import { getJson } from './api.js';
import { t, fmt } from './i18n.js';
import { zoomTo } from './map.js';
import { el, table } from './dom.js';

export async function loadGaps() {
  const gaps = await getJson('/api/coverage/gaps');
  document.getElementById('gapsSummary').textContent = t('gapsSummary', { n: fmt(gaps.features.length), hh: fmt(gaps.uncoveredHouseholds) });
  table(document.getElementById('gapsTable'), [t('name'), t('district'), t('households'), t('distance')],
    gaps.features.slice(0, 500).map(f => {
      const [lon, lat] = f.geometry.coordinates;
      const link = el('a', { href: '#', onclick: e => { e.preventDefault(); zoomTo(+lon, +lat); } }, f.properties.name);
      return el('tr', { dataset: { lon, lat } },
        el('td', {}, link), el('td', {}, f.properties.district ?? ''), el('td', {}, fmt(f.properties.households)),
        el('td', {}, f.properties.distanceM == null ? '—' : fmt(f.properties.distanceM)));
    }));
}
