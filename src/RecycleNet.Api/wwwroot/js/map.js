import { getJson, postJson, showError, tryJson, cityUrl } from './api.js';
import { t, fmt, pct } from './i18n.js';
import { el, popup } from './dom.js';
import { facilityChart } from './volumes.js';
import { openEditor } from './editor.js';

// Layers come from the OGC API. With a GCJ-02 base map (Amap, Tencent) they are requested in GCJ-02 so they line up.
let map, config, crs = '', fitted = false;
const layers = {};
// `base` keeps each picked outlet as it was when picked (its feature and ETag): a save names that version, so a change
// someone else made meanwhile is reported, not overwritten.
const whatIf = { add: [], close: new Set(), move: new Map(), base: new Map(), placing: false, moveMode: false, moving: null, markers: L.layerGroup() };

function shade(share) {
  // Light to dark green as coverage rises; red when almost nobody is covered.
  const s = Math.max(0, Math.min(1, share));
  return s < 0.05 ? '#d9534f' : `hsl(${110 + 30 * s}, ${45 + 20 * s}%, ${85 - 50 * s}%)`;
}

async function ogc(collection, extra = '') {
  return getJson(`/ogc/collections/${collection}/items?limit=10000${crs}${extra}`);
}

export async function initMap(onChange) {
  config = await getJson('/api/ui/config');
  crs = config.baseMapCrs === 'GCJ02' ? '&crs=GCJ-02' : '';
  map = L.map('map', { preferCanvas: true, attributionControl: !!config.baseMapUrl });
  window.recyclenet = { map, layers }; // a handle for the browser tests (and curious planners in the console)
  // The page sends no Referer anywhere (Referrer-Policy: no-referrer), except its origin to the tile host: Tianditu
  // keys, for one, are bound to the site's domain. Paths and queries never leave.
  if (config.baseMapUrl) L.tileLayer(config.baseMapUrl, { attribution: config.baseMapAttribution ?? '', maxZoom: 19, referrerPolicy: 'strict-origin' }).addTo(map);
  // 'preclick' fires for every click on the map, even on a feature whose popup stops the click itself.
  map.on('preclick', e => placeOutlet(e.latlng, onChange));
  whatIf.markers.addTo(map);
  await loadLayers();
  for (const box of document.querySelectorAll('#layers input[data-layer]')) {
    box.addEventListener('change', () => toggle(box.dataset.layer, box.checked));
  }
}

function toggle(name, on) {
  const layer = layers[name];
  if (!layer) return;
  if (on) layer.addTo(map); else map.removeLayer(layer);
}

export async function loadLayers() {
  const [coverage, districts, communities, gaps, outlets, centers, circles, proposals] = await Promise.all([
    getJson('/api/coverage'), ogc('districts'), ogc('communities'), ogc('coverage-gaps'), ogc('outlets'),
    ogc('sorting-centers'), ogc('life-circles'), ogc('siting-proposals'),
  ]);
  const shareById = Object.fromEntries(coverage.districts.map(d => [d.id, d.share]));
  const uncovered = new Set(gaps.features.map(f => f.id));
  for (const l of Object.values(layers)) map.removeLayer(l);

  layers.districts = L.geoJSON(districts, {
    style: f => ({ color: '#35524a', weight: 1, fillColor: shade(shareById[f.id] ?? 0), fillOpacity: 0.55 }),
    onEachFeature: (f, l) => l.bindPopup(popup(f.properties.name, `${t('share')}: ${pct(shareById[f.id] ?? 0)}`, `${t('households')}: ${fmt(f.properties.households)}`)),
  });
  layers.communities = L.geoJSON(communities, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 2.5, weight: 0, fillOpacity: 0.9, fillColor: uncovered.has(f.id) ? '#c0392b' : '#1e8449' }),
    onEachFeature: (f, l) => l.bindPopup(popup(f.properties.name, `${t('households')}: ${fmt(f.properties.households)}`, uncovered.has(f.id) ? '✗' : '✓')),
  });
  layers.outlets = L.geoJSON(outlets, {
    pointToLayer: (f, ll) => L.circleMarker(ll, {
      radius: 6, weight: 2, color: '#fff', fillOpacity: 1,
      fillColor: f.properties.status !== 'operating' ? '#999' : f.properties.kind === 'mobile' ? '#8e44ad' : '#1f6fb2',
    }),
    onEachFeature: (f, l) => {
      withVolumes(l, popup(f.properties.name, `${t(`value.${f.properties.kind}`)} · ${t(`value.${f.properties.status}`)}${f.properties.modern ? ` · ${t('value.modern')}` : ''}`),
        `outlets/${f.id}`, 'outlets', f.id);
      l.on('click', e => {
        if (whatIf.placing) return;
        L.DomEvent.stopPropagation(e);
        remember(f.id);
        if (whatIf.moveMode) { whatIf.moving = { id: f.id, layer: l }; whatIf.placing = true; document.getElementById('whatifResult').textContent = t('whatif.moveTo'); }
        else closeOutlet(f.id, l);
      });
    },
  });
  layers.centers = L.geoJSON(centers, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 9, weight: 2, color: '#fff', fillOpacity: 1, fillColor: f.properties.greenCertified ? '#27ae60' : '#e67e22' }),
    onEachFeature: (f, l) => withVolumes(l, popup(f.properties.name, `${t(`value.${f.properties.status}`)}${f.properties.capacityTonnesPerDay ? ` · ${fmt(f.properties.capacityTonnesPerDay)} t/d` : ''}`),
      `sorting-centers/${f.id}`, 'sorting-centers', f.id),
  });
  layers.circles = L.geoJSON(circles, { style: { color: '#1f6fb2', weight: 1, fillOpacity: 0.08 } });
  layers.proposals = L.geoJSON(proposals, {
    pointToLayer: (f, ll) => L.marker(ll, { icon: L.divIcon({ className: 'proposal', html: el('span', {}, f.properties.rank) }) }),
    onEachFeature: (f, l) => l.bindPopup(popup(`#${f.properties.rank} ${f.properties.label ?? ''}`, f.properties.householdsGained != null ? `${t('gained')}: ${fmt(f.properties.householdsGained)}` : `${t('load')}: ${fmt(f.properties.loadTonnesPerDay, 1)}`)),
  });
  await loadRuralLayers();
  for (const box of document.querySelectorAll('#layers input[data-layer]')) toggle(box.dataset.layer, box.checked);
  if (!fitted && layers.districts.getLayers().length) { map.fitBounds(layers.districts.getBounds()); fitted = true; }
  document.getElementById('coverageSummary').textContent =
    t('coverage', { share: pct(coverage.city.share), covered: fmt(coverage.city.coveredHouseholds), all: fmt(coverage.city.households), method: t(`method.${coverage.method}`) });
  return coverage;
}

/**
 * The county network where the city has one: townships, villages (served or not by the tier rules), transfer stations
 * and waste-sorting points (merged ones, 两网融合, marked). Each layer's switch shows only when the city has the layer.
 */
async function loadRuralLayers() {
  const [townships, villages, stations, points] = await Promise.all(
    ['townships', 'villages', 'transfer-stations', 'waste-sorting-points'].map(c => ogc(c)));
  const tiers = villages.features.length ? await tryJson('/api/tiers') : null;
  const served = new Set((tiers?.villages ?? []).filter(v => v.served).map(v => v.id));
  const stationServed = new Set((tiers?.stations ?? []).filter(s => s.served).map(s => s.id));
  layers.townships = L.geoJSON(townships, {
    style: { color: '#7d6608', weight: 1, dashArray: '4', fill: false },
    onEachFeature: (f, l) => l.bindPopup(popup(f.properties.name, f.properties.code, f.properties.district)),
  });
  layers.villages = L.geoJSON(villages, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 2.5, weight: 0, fillOpacity: 0.9, fillColor: !tiers ? '#7f8c8d' : served.has(f.id) ? '#1e8449' : '#c0392b' }),
    onEachFeature: (f, l) => l.bindPopup(popup(f.properties.name, `${t('residents')}: ${fmt(f.properties.population)}`, f.properties.township,
      tiers ? (served.has(f.id) ? `✓ ${t('tier.served')}` : `✗ ${t('tier.unserved')}`) : null)),
  });
  layers.stations = L.geoJSON(stations, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 7, weight: 2, color: '#fff', fillOpacity: 1,
      fillColor: f.properties.status !== 'operating' ? '#999' : stationServed.has(f.id) ? '#b9770e' : '#6e2c00' }),
    onEachFeature: (f, l) => l.bindPopup(popup(f.properties.name, `${f.properties.township ?? ''} · ${f.properties.status}`,
      f.properties.capacityTonnesPerDay ? `${fmt(f.properties.capacityTonnesPerDay)} t/d` : null)),
  });
  layers.wastePoints = L.geoJSON(points, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: f.properties.takesRecyclables ? 4 : 2, weight: 0, fillOpacity: 0.9,
      fillColor: f.properties.takesRecyclables ? '#17a589' : '#a9cce3' }),
    onEachFeature: (f, l) => l.bindPopup(popup(f.properties.name, f.properties.kind, f.properties.takesRecyclables ? t('merged') : null)),
  });
  const has = { townships: townships.features.length, villages: villages.features.length, stations: stations.features.length, wastePoints: points.features.length };
  for (const [name, n] of Object.entries(has)) document.querySelector(`#layers input[data-layer="${name}"]`).closest('label').hidden = !n;
}

export function zoomTo(lon, lat) {
  document.querySelector('[data-tab="map"]').click();
  map.setView([lat, lon], 15);
}

export function startPlacing() {
  whatIf.placing = true;
  document.getElementById('whatifResult').textContent = t('whatif.placing');
  document.getElementById('map').style.cursor = 'crosshair';
}

let picker = null;

/** The next point the planner clicks on the map (the subsidy form places its outlets so). */
export function pickPoint() {
  document.getElementById('map').style.cursor = 'crosshair';
  return new Promise(resolve => { picker = resolve; });
}

/** The CRS of points picked on the map: the base map's. */
export function pickCrs() { return config?.baseMapCrs === 'GCJ02' ? 'GCJ02' : 'WGS84'; }

async function placeOutlet(latlng, onChange) {
  if (picker) {
    const done = picker;
    picker = null;
    document.getElementById('map').style.cursor = '';
    done({ lon: latlng.lng, lat: latlng.lat });
    return;
  }
  if (!whatIf.placing) return;
  whatIf.placing = false;
  document.getElementById('map').style.cursor = '';
  if (whatIf.moving) {
    // Moving an existing outlet: it is drawn at its new place; the what-if measures it there.
    whatIf.move.set(whatIf.moving.id, { id: whatIf.moving.id, lon: latlng.lng, lat: latlng.lat });
    whatIf.moving.layer.setLatLng(latlng);
    whatIf.moving = null;
    whatIf.moveMode = false;
  } else {
    whatIf.add.push({ lon: latlng.lng, lat: latlng.lat });
    L.circleMarker(latlng, { radius: 7, color: '#000', dashArray: '3', fillColor: '#f1c40f', fillOpacity: 1 }).addTo(whatIf.markers);
  }
  await runWhatIf(onChange);
}

export function startMoving() {
  whatIf.moveMode = true;
  document.getElementById('whatifResult').textContent = t('whatif.pick');
}

/** The outlet as it is now, with its ETag, kept from the first time the planner picks it. */
function remember(id) {
  if (!whatIf.base.has(id)) {
    whatIf.base.set(id, fetch(cityUrl(`/api/outlets/${id}`)).then(async r => r.ok ? { feature: await r.json(), etag: r.headers.get('ETag') } : null));
  }
  return whatIf.base.get(id);
}

/** Saves the what-if for real (planner key): new outlets are added, moved ones moved, closed ones closed. */
export async function saveWhatIf() {
  const key = document.getElementById('plannerKey').value.trim();
  const send = (method, url, feature, etag) => fetch(cityUrl(url), {
    method, body: JSON.stringify(feature),
    headers: { 'Content-Type': 'application/geo+json', Authorization: `Bearer ${key}`, ...(etag ? { 'If-Match': etag } : {}) },
  });
  const fail = async r => { const p = await r.json().catch(() => ({ title: r.statusText })); showError(p); throw new Error(p.title); };
  for (const [i, a] of whatIf.add.entries()) {
    const r = await send('POST', '/api/outlets', { type: 'Feature', geometry: { type: 'Point', coordinates: [a.lon, a.lat] },
      properties: { name: `${t('whatif.newName')} ${i + 1}`, kind: 'fixed', status: 'operating' } });
    if (!r.ok) await fail(r);
  }
  const conflicts = [];
  for (const id of new Set([...whatIf.move.keys(), ...whatIf.close])) {
    const base = await remember(id);
    if (!base) continue;
    const f = structuredClone(base.feature);
    const m = whatIf.move.get(id);
    if (m) f.geometry = { type: 'Point', coordinates: [m.lon, m.lat] };
    if (whatIf.close.has(id)) f.properties.status = 'closed';
    const r = await send('PUT', `/api/outlets/${id}`, { type: 'Feature', geometry: f.geometry, properties: f.properties }, base.etag);
    if (r.status === 412) {
      const p = await r.json();
      conflicts.push(t('whatif.conflict', { name: p.current?.properties?.name ?? id, version: p.currentVersion }));
    } else if (!r.ok) await fail(r);
  }
  whatIf.add = []; whatIf.close.clear(); whatIf.move.clear(); whatIf.base.clear(); whatIf.markers.clearLayers();
  document.getElementById('whatifResult').textContent = t('whatif.saved');
  if (conflicts.length) showError({ title: conflicts.join('\n') });
  await loadLayers();
}

async function closeOutlet(id, layer) {
  if (whatIf.close.has(id)) whatIf.close.delete(id); else whatIf.close.add(id);
  layer.setStyle({ fillColor: whatIf.close.has(id) ? '#000' : '#1f6fb2' });
  await runWhatIf();
}

/** The what-if as a plan's changes (the crs the page's base map uses). */
export function whatIfChanges() {
  return {
    crs: config.baseMapCrs === 'GCJ02' ? 'GCJ02' : 'WGS84',
    changes: { add: whatIf.add, move: [...whatIf.move.values()], close: [...whatIf.close] },
  };
}

export async function runWhatIf(onChange) {
  // Positions are sent in the CRS the map shows (GCJ-02 under an Amap/Tencent base map); the service converts them.
  const r = await postJson('/api/coverage/what-if', {
    crs: config.baseMapCrs === 'GCJ02' ? 'GCJ02' : 'WGS84', add: whatIf.add, move: [...whatIf.move.values()], close: [...whatIf.close],
  });
  const delta = r.after.city.coveredHouseholds - r.before.city.coveredHouseholds;
  document.getElementById('whatifResult').textContent =
    t('whatif.result', { after: pct(r.after.city.share), before: pct(r.before.city.share), delta: (delta >= 0 ? '+' : '') + fmt(delta) });
  document.getElementById('whatifResult').dataset.after = r.after.city.coveredHouseholds;
  onChange?.(r);
  return r;
}

export function resetWhatIf() {
  whatIf.add = [];
  whatIf.close.clear();
  whatIf.move.clear();
  whatIf.base.clear();
  whatIf.markers.clearLayers();
  document.getElementById('whatifResult').textContent = '';
  loadLayers();
}

/** A facility's popup with its reported volumes of the last 24 months, charted when the popup first opens, and its editor. */
function withVolumes(layer, content, ref, layerName, id) {
  const box = el('div', { className: 'popup-volumes' });
  content.append(el('button', { className: 'edit-feature', dataset: { layer: layerName, id }, onclick: () => openEditor(layerName, id).catch(() => {}) }, t('edit.open')), box);
  layer.bindPopup(content, { minWidth: 280 });
  let drawn = false;
  layer.on('popupopen', () => {
    if (drawn) return;
    drawn = true;
    facilityChart(box, ref).then(() => layer.getPopup()?.update()).catch(() => { drawn = false; });
  });
}

let planSites = null;

/** The sites of compared plans on the map, a colour per plan (a popup names the plan and the change). */
export function showPlanSites(groups) {
  if (planSites) map.removeLayer(planSites);
  planSites = L.layerGroup(groups.map(g => L.geoJSON(g.features, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 8, weight: 3, color: g.color, fillColor: '#fff', fillOpacity: 0.9 }),
    onEachFeature: (f, l) => l.bindPopup(popup(`#${g.id} ${g.name}`, `${t(`plan.change.${f.properties.change}`)} · ${f.properties.name ?? ''}`)),
  }))).addTo(map);
  window.recyclenet.planSites = planSites;
}
