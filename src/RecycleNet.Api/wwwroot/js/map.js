import { getJson, postJson, showError, tryJson, cityUrl } from './api.js';
import { profile } from './profile.js';
import { t, fmt, pct } from './i18n.js';
import { el, popup } from './dom.js';
import { facilityChart } from './volumes.js';
import { openEditor } from './editor.js';
import { offlineBaseMap } from './basemap.js';
import { clusterLayer } from './cluster.js';
import { colours, coverageClasses, classOf, drawLegend } from './legend.js';

// Layers come from the OGC API. With a GCJ-02 base map (Amap, Tencent) they are requested in GCJ-02 so they line up.
let map, config, crs = '', fitted = false;
const layers = {};
// What the legend shows of each layer (the choropleth's classes, the proposals' tiers), filled as layers are drawn.
const legendInfo = {};
let labels = null;
// `base` keeps each picked outlet as it was when picked (its feature and ETag): a save names that version, so a change
// someone else made meanwhile is reported, not overwritten.
const whatIf = { add: [], close: new Set(), move: new Map(), merge: new Set(), base: new Map(), placing: false, moveMode: false, moving: null, markers: L.layerGroup() };

async function ogc(collection, extra = '') {
  return getJson(`/ogc/collections/${collection}/items?limit=10000${crs}${extra}`);
}

export async function initMap(onChange) {
  const started = performance.now();
  config = await profile();
  crs = config.baseMapCrs === 'GCJ02' ? '&crs=GCJ-02' : '';
  map = L.map('map', { preferCanvas: true, attributionControl: true, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false); // the base map's source is what a reader needs to know, not the library's name
  window.recyclenet = { map, layers }; // a handle for the browser tests (and curious planners in the console)
  // The page sends no Referer anywhere (Referrer-Policy: no-referrer), except its origin to the tile host: Tianditu
  // keys, for one, are bound to the site's domain. Paths and queries never leave.
  if (config.baseMapUrl) L.tileLayer(config.baseMapUrl, { attribution: config.baseMapAttribution ?? '', maxZoom: 19, referrerPolicy: 'strict-origin' }).addTo(map);
  else {
    // No tile service configured: the service draws the base map itself from the city's outlines and network.
    offlineBaseMap().addTo(map);
    map.attributionControl.addAttribution(t('basemap.offline'));
    map.getContainer().dataset.basemap = 'offline';
  }
  L.control.scale({ metric: true, imperial: false, maxWidth: 160 }).addTo(map);
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => { const box = el('div', { id: 'legend', className: 'legend' }); L.DomEvent.disableScrollPropagation(box); return box; };
  legend.addTo(map);
  const print = L.control({ position: 'topright' });
  print.onAdd = () => el('button', { id: 'mapPng', className: 'map-button', title: t('map.png'), onclick: () => exportPng().catch(() => {}) }, t('map.png'));
  print.addTo(map);
  // 'preclick' fires for every click on the map, even on a feature whose popup stops the click itself.
  map.on('preclick', e => placeOutlet(e.latlng, onChange));
  map.on('zoomend', showLabels);
  whatIf.markers.addTo(map);
  await loadLayers();
  await loadLabels();
  for (const box of document.querySelectorAll('#layers input[data-layer]')) {
    box.addEventListener('change', () => { toggle(box.dataset.layer, box.checked); updateLegend(); });
  }
  // The first draw's time, as the browser measured it (reported by the browser tests, not asserted on).
  window.recyclenet.firstDrawMs = Math.round(performance.now() - started);
  map.getContainer().dataset.drawn = 'true';
}

/** District names (and township names when close enough), written inside each outline. */
async function loadLabels() {
  const base = await getJson(`/api/basemap${crs ? '?crs=GCJ02' : ''}`);
  labels = { district: L.layerGroup(), township: L.layerGroup() };
  for (const l of base.labels) {
    L.tooltip({ permanent: true, direction: 'center', className: `map-label ${l.kind}-label`, interactive: false })
      .setLatLng([l.lat, l.lon]).setContent(el('span', {}, l.name)).addTo(labels[l.kind]); // a node: Leaflet would take a string as HTML
  }
  labels.district.addTo(map);
  showLabels();
}

function showLabels() {
  if (!labels) return;
  if (map.getZoom() >= 11) labels.township.addTo(map); else map.removeLayer(labels.township);
}

function toggle(name, on) {
  const layer = layers[name];
  if (!layer) return;
  if (on) layer.addTo(map); else map.removeLayer(layer);
}

function updateLegend() {
  const shown = {};
  for (const box of document.querySelectorAll('#layers input[data-layer]')) {
    const name = box.dataset.layer;
    if (box.checked && !box.closest('label').hidden && layers[name] && legendInfo[name]) shown[name] = legendInfo[name];
  }
  const box = document.getElementById('legend');
  if (box) drawLegend(box, shown);
}

export async function loadLayers() {
  const [coverage, districts, communities, gaps, outlets, centers, circles] = await Promise.all([
    getJson('/api/coverage'), ogc('districts'), ogc('communities'), ogc('coverage-gaps'), ogc('outlets'),
    ogc('sorting-centers'), ogc('life-circles'),
  ]);
  const shareById = Object.fromEntries(coverage.districts.map(d => [d.id, d.share]));
  const uncovered = new Set(gaps.features.map(f => f.id));
  for (const [name, l] of Object.entries(layers)) if (name !== 'proposals') map.removeLayer(l);

  // Classed by quantiles of the districts' shares, the breaks in the legend: 14.8 % and 30 % are not the same green.
  const classes = coverageClasses(districts.features.map(f => shareById[f.id] ?? 0));
  legendInfo.districts = { classes };
  layers.districts = L.geoJSON(districts, {
    style: f => ({ color: '#35524a', weight: 1.2, fillColor: classOf(classes, shareById[f.id] ?? 0)?.colour ?? '#ccc', fillOpacity: 0.6 }),
    onEachFeature: (f, l) => l.bindPopup(popup(f.properties.name, `${t('share')}: ${pct(shareById[f.id] ?? 0)}`, `${t('households')}: ${fmt(f.properties.households)}`)),
  });
  layers.communities = clusterLayer(communities.features.map(f => ({ latlng: L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]), bad: uncovered.has(f.id), feature: f })),
    p => L.circleMarker(p.latlng, { radius: 3, weight: 0, fillOpacity: 0.9, fillColor: p.bad ? colours.uncovered : colours.covered })
      .bindPopup(popup(p.feature.properties.name, `${t('households')}: ${fmt(p.feature.properties.households)}`, p.bad ? `✗ ${t('legend.uncovered')}` : `✓ ${t('legend.covered')}`)));
  legendInfo.communities = communities.features.length ? {} : null;
  layers.outlets = L.geoJSON(outlets, {
    pointToLayer: (f, ll) => L.circleMarker(ll, {
      radius: 6, weight: 2, color: '#fff', fillOpacity: 1,
      fillColor: f.properties.status !== 'operating' ? colours.inactive : f.properties.kind === 'mobile' ? colours.mobile : colours.fixed,
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
  legendInfo.outlets = outlets.features.length ? {} : null;
  layers.centers = L.geoJSON(centers, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 9, weight: 2, color: '#fff', fillOpacity: 1, fillColor: f.properties.greenCertified ? colours.green : colours.centre }),
    onEachFeature: (f, l) => withVolumes(l, popup(f.properties.name, `${t(`value.${f.properties.status}`)}${f.properties.capacityTonnesPerDay ? ` · ${fmt(f.properties.capacityTonnesPerDay)} t/d` : ''}`),
      `sorting-centers/${f.id}`, 'sorting-centers', f.id),
  });
  legendInfo.centers = centers.features.length ? {} : null;
  layers.circles = L.geoJSON(circles, { style: { color: colours.circle, weight: 1, fillOpacity: 0.08 } });
  legendInfo.circles = circles.features.length ? {} : null;
  await loadRuralLayers();
  for (const box of document.querySelectorAll('#layers input[data-layer]')) toggle(box.dataset.layer, box.checked);
  updateLegend();
  // The legend sits bottom right: the city is fitted beside it, not under it.
  const legendWidth = document.getElementById('legend')?.offsetWidth ?? 0;
  if (!fitted && layers.districts.getLayers().length) { map.fitBounds(layers.districts.getBounds(), { paddingBottomRight: [legendWidth, 0], paddingTopLeft: [10, 10] }); fitted = true; }
  document.getElementById('coverageSummary').textContent =
    t('coverage', { share: pct(coverage.city.share), covered: fmt(coverage.city.coveredHouseholds), all: fmt(coverage.city.households), method: t(`method.${coverage.method}`) });
  return coverage;
}

/**
 * The proposals of the siting run a planner opened (none on first load: a visitor sees the network as it is), each
 * tier in its own colour and numbered by its rank within the tier.
 */
export function showProposals(proposals, runKind) {
  if (layers.proposals) map.removeLayer(layers.proposals);
  const kinds = [...new Set(proposals.features.map(f => f.properties.kind ?? runKind))];
  legendInfo.proposals = { kinds };
  layers.proposals = L.geoJSON(proposals, {
    pointToLayer: (f, ll) => {
      const kind = f.properties.kind ?? runKind;
      const marker = L.marker(ll, { icon: L.divIcon({ className: `proposal tier-${kind}`, html: el('span', {}, f.properties.rank) }) });
      marker.on('add', () => { marker.getElement().style.background = colours.tier[kind] ?? colours.tier.outlet; });
      return marker;
    },
    onEachFeature: (f, l) => l.bindPopup(popup(`#${f.properties.rank} ${f.properties.label ?? ''}`, t(`legend.proposal.${f.properties.kind ?? runKind}`),
      f.properties.householdsGained != null ? `${t('gained')}: ${fmt(f.properties.householdsGained)}` : `${t('load')}: ${fmt(f.properties.loadTonnesPerDay, 1)}`)),
  });
  window.recyclenet.layers = layers;
  const box = document.querySelector('#layers input[data-layer="proposals"]');
  box.closest('label').hidden = false;
  box.checked = true;
  toggle('proposals', true);
  updateLegend();
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
    style: { color: colours.township, weight: 1, dashArray: '4', fill: false },
    onEachFeature: (f, l) => l.bindPopup(popup(f.properties.name, f.properties.code, f.properties.district)),
  });
  // Thousands of villages: clustered like the communities, red for the share not served by the tier rules.
  layers.villages = clusterLayer(villages.features.map(f => ({ latlng: L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]), bad: !!tiers && !served.has(f.id), feature: f })),
    p => L.circleMarker(p.latlng, { radius: 3, weight: 0, fillOpacity: 0.9, fillColor: !tiers ? colours.unknown : p.bad ? colours.uncovered : colours.covered })
      .bindPopup(popup(p.feature.properties.name, `${t('residents')}: ${fmt(p.feature.properties.population)}`, p.feature.properties.township,
        tiers ? (p.bad ? `✗ ${t('tier.unserved')}` : `✓ ${t('tier.served')}`) : null)));
  layers.stations = L.geoJSON(stations, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 7, weight: 2, color: '#fff', fillOpacity: 1,
      fillColor: f.properties.status !== 'operating' ? colours.inactive : stationServed.has(f.id) ? colours.stationServed : colours.stationUnserved }),
    onEachFeature: (f, l) => l.bindPopup(popup(f.properties.name, `${f.properties.township ?? ''} · ${t(`value.${f.properties.status}`)}`,
      f.properties.capacityTonnesPerDay ? `${fmt(f.properties.capacityTonnesPerDay)} t/d` : null)),
  });
  layers.wastePoints = L.geoJSON(points, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: f.properties.takesRecyclables ? 4 : 2, weight: 0, fillOpacity: 0.9,
      fillColor: f.properties.takesRecyclables ? colours.merged : colours.point }),
    onEachFeature: (f, l) => {
      l.bindPopup(popup(f.properties.name, `${t(`value.${f.properties.kind}`)} · ${t(`value.${f.properties.status}`)}`, f.properties.takesRecyclables ? t('merged') : null));
      // An operating point that does not take recyclables yet can be merged in the what-if (两网融合), as a plan would.
      if (f.properties.status === 'operating' && !f.properties.takesRecyclables) l.on('click', () => { if (!whatIf.placing) mergePoint(f.id, l); });
    },
  });
  document.getElementById('whatifMergeHint').hidden =
    !points.features.some(f => f.properties.status === 'operating' && !f.properties.takesRecyclables);
  const has = { townships: townships.features.length, villages: villages.features.length, stations: stations.features.length, wastePoints: points.features.length };
  for (const [name, n] of Object.entries(has)) {
    document.querySelector(`#layers input[data-layer="${name}"]`).closest('label').hidden = !n;
    legendInfo[name] = n ? {} : null;
  }
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

/** The outlet (or waste-sorting point) as it is now, with its ETag, kept from the first time the planner picks it. */
function remember(id, layer = 'outlets') {
  const key = `${layer}/${id}`;
  if (!whatIf.base.has(key)) {
    whatIf.base.set(key, fetch(cityUrl(`/api/${key}`)).then(async r => r.ok ? { feature: await r.json(), etag: r.headers.get('ETag') } : null));
  }
  return whatIf.base.get(key);
}

/** Saves the what-if for real (planner key): new outlets are added, moved ones moved, closed ones closed, merged points merged. */
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
  for (const id of whatIf.merge) {
    const base = await remember(id, 'waste-sorting-points');
    if (!base) continue;
    const properties = { ...base.feature.properties, takesRecyclables: true };
    const r = await send('PUT', `/api/waste-sorting-points/${id}`, { type: 'Feature', geometry: base.feature.geometry, properties }, base.etag);
    if (r.status === 412) {
      const p = await r.json();
      conflicts.push(t('whatif.conflict', { name: p.current?.properties?.name ?? id, version: p.currentVersion }));
    } else if (!r.ok) await fail(r);
  }
  whatIf.add = []; whatIf.close.clear(); whatIf.move.clear(); whatIf.merge.clear(); whatIf.base.clear(); whatIf.markers.clearLayers();
  document.getElementById('whatifResult').textContent = t('whatif.saved');
  if (conflicts.length) showError({ title: conflicts.join('\n') });
  await loadLayers();
}

async function closeOutlet(id, layer) {
  if (whatIf.close.has(id)) whatIf.close.delete(id); else whatIf.close.add(id);
  layer.setStyle({ fillColor: whatIf.close.has(id) ? '#000' : '#1f6fb2' });
  await runWhatIf();
}

async function mergePoint(id, layer) {
  remember(id, 'waste-sorting-points');
  if (whatIf.merge.has(id)) whatIf.merge.delete(id); else whatIf.merge.add(id);
  layer.setStyle({ fillColor: whatIf.merge.has(id) ? colours.merged : colours.point, radius: whatIf.merge.has(id) ? 4 : 2 });
  await runWhatIf();
}

/** The what-if as a plan's changes (the crs the page's base map uses). */
export function whatIfChanges() {
  return {
    crs: config.baseMapCrs === 'GCJ02' ? 'GCJ02' : 'WGS84',
    changes: { add: whatIf.add, move: [...whatIf.move.values()], close: [...whatIf.close], merge: [...whatIf.merge] },
  };
}

export async function runWhatIf(onChange) {
  // Positions are sent in the CRS the map shows (GCJ-02 under an Amap/Tencent base map); the service converts them.
  const r = await postJson('/api/coverage/what-if', {
    crs: config.baseMapCrs === 'GCJ02' ? 'GCJ02' : 'WGS84', add: whatIf.add, move: [...whatIf.move.values()], close: [...whatIf.close],
    merge: [...whatIf.merge],
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
  whatIf.merge.clear();
  whatIf.base.clear();
  whatIf.markers.clearLayers();
  document.getElementById('whatifResult').textContent = '';
  loadLayers();
}

/** A facility's popup with its reported volumes of the last 24 months, charted when the popup first opens, and its editor. */
function withVolumes(layer, content, ref, layerName, id) {
  const box = el('div', { className: 'popup-volumes' });
  content.append(el('button', { className: 'edit-feature', dataset: { layer: layerName, id, writes: '' }, onclick: () => openEditor(layerName, id).catch(() => {}) }, t('edit.open')), box);
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

/**
 * The map as a PNG, as a planner sees it: the canvases Leaflet draws (the offline base map's tiles, the vector layers)
 * composed in place, the markers drawn as their circles, then the title, the legend's entries, the scale bar and the
 * attribution. A third-party tile layer cannot be copied into a picture by the browser: then its place stays blank.
 */
export async function exportPng() {
  const container = map.getContainer(), box = container.getBoundingClientRect(), ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = box.width * ratio; canvas.height = box.height * ratio;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#dfe7ea';
  ctx.fillRect(0, 0, box.width, box.height);
  for (const c of container.querySelectorAll('canvas')) {
    const r = c.getBoundingClientRect();
    if (r.width === 0 || r.right < box.left || r.left > box.right) continue;
    try { ctx.drawImage(c, r.left - box.left, r.top - box.top, r.width, r.height); } catch { /* a tainted canvas: left blank */ }
  }
  for (const m of container.querySelectorAll('.leaflet-marker-icon')) {
    const r = m.getBoundingClientRect();
    ctx.fillStyle = getComputedStyle(m).backgroundColor || '#f1c40f';
    ctx.beginPath(); ctx.arc(r.left - box.left + r.width / 2, r.top - box.top + r.height / 2, r.width / 2, 0, 2 * Math.PI); ctx.fill();
    ctx.fillStyle = '#000'; ctx.font = '11px sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    ctx.fillText(m.textContent, r.left - box.left + r.width / 2, r.top - box.top + r.height / 2);
  }
  for (const l of container.querySelectorAll('.map-label, .cluster-count')) {
    const r = l.getBoundingClientRect();
    const count = l.classList.contains('cluster-count');
    ctx.font = getComputedStyle(l).font; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    ctx.lineWidth = 3; ctx.strokeStyle = count ? '#000' : '#fff'; ctx.fillStyle = count ? '#fff' : '#333';
    ctx.strokeText(l.textContent, r.left - box.left + r.width / 2, r.top - box.top + r.height / 2);
    ctx.fillText(l.textContent, r.left - box.left + r.width / 2, r.top - box.top + r.height / 2);
  }
  // Legend, scale and attribution as text boxes where the page shows them.
  const legend = document.getElementById('legend'), scale = container.querySelector('.leaflet-control-scale-line');
  if (legend) {
    const r = legend.getBoundingClientRect();
    ctx.fillStyle = 'rgba(255,255,255,0.92)'; ctx.fillRect(r.left - box.left, r.top - box.top, r.width, r.height);
    ctx.textAlign = 'left'; ctx.textBaseline = 'middle'; ctx.font = '12px sans-serif';
    for (const row of legend.querySelectorAll('.legend-head, .legend-title, .legend-layer > div:not(.legend-title)')) {
      const rr = row.getBoundingClientRect(), sw = row.querySelector('.swatch');
      if (sw) {
        const s = sw.getBoundingClientRect();
        ctx.fillStyle = getComputedStyle(sw).backgroundColor;
        ctx.fillRect(s.left - box.left, s.top - box.top, s.width, s.height);
      }
      ctx.fillStyle = '#222';
      const x = (sw ? sw.getBoundingClientRect().right + 4 : rr.left) - box.left;
      if (rr.bottom > r.bottom) break; // scrolled out of the legend's box
      ctx.fillText(row.textContent, x, rr.top - box.top + rr.height / 2, r.right - box.left - x - 4);
    }
  }
  if (scale) {
    const r = scale.getBoundingClientRect();
    ctx.strokeStyle = '#333'; ctx.lineWidth = 2;
    ctx.beginPath(); ctx.moveTo(r.left - box.left, r.top - box.top); ctx.lineTo(r.left - box.left, r.bottom - box.top);
    ctx.lineTo(r.right - box.left, r.bottom - box.top); ctx.lineTo(r.right - box.left, r.top - box.top); ctx.stroke();
    ctx.fillStyle = '#222'; ctx.font = '11px sans-serif'; ctx.textAlign = 'left'; ctx.textBaseline = 'middle';
    ctx.fillText(scale.textContent, r.left - box.left + 4, r.top - box.top + r.height / 2);
  }
  const title = `${config.city.name} · ${document.title} · ${new Date().toISOString().slice(0, 10)}`;
  ctx.font = 'bold 14px sans-serif'; ctx.textAlign = 'left'; ctx.textBaseline = 'top';
  ctx.lineWidth = 4; ctx.strokeStyle = '#fff'; ctx.strokeText(title, 56, 10); ctx.fillStyle = '#111'; ctx.fillText(title, 56, 10);
  const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
  const a = el('a', { href: URL.createObjectURL(blob), download: `map-${config.city.id}-${new Date().toISOString().slice(0, 10)}.png` });
  document.body.append(a);
  a.click();
  a.remove();
  return blob;
}
