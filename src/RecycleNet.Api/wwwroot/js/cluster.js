/*
 * A large point layer (5,000 communities, 4,000 villages) as clusters until the map is close enough to read each point:
 * the points in a 60-pixel grid cell are drawn as one circle sized by how many they are, from green to red as the share
 * not covered rises, with its count. Only what is in view is drawn, again after each move, so 10,000 points stay quick and readable.
 */
import { el } from './dom.js';

const CELL = 60;

/** Green (all covered) to red (none covered) through the share not covered. */
export function mix(share) {
  const from = [30, 132, 73], to = [192, 57, 43];
  return `rgb(${from.map((v, i) => Math.round(v + (to[i] - v) * share)).join(',')})`;
}

/**
 * @param points  [{ latlng, bad, feature }] (bad: uncovered / not served)
 * @param single  (point) => a Leaflet layer for one point (used from `detailZoom` on)
 */
export function clusterLayer(points, single, { detailZoom = 15, onCluster } = {}) {
  const group = L.layerGroup();
  let map = null;
  // Each single point's layer knows its feature, as L.geoJSON's layers do (popups, tests, the what-if read it).
  const one = p => Object.assign(single(p), { feature: p.feature });
  const draw = () => {
    if (!map) return;
    group.clearLayers();
    const bounds = map.getBounds().pad(0.2);
    const inView = points.filter(p => bounds.contains(p.latlng));
    if (map.getZoom() >= detailZoom) { for (const p of inView) group.addLayer(one(p)); return; }
    const cells = new Map();
    for (const p of inView) {
      const pt = map.project(p.latlng);
      const key = `${Math.floor(pt.x / CELL)}:${Math.floor(pt.y / CELL)}`;
      const c = cells.get(key) ?? { n: 0, bad: 0, lat: 0, lng: 0, first: p };
      c.n++; c.bad += p.bad ? 1 : 0; c.lat += p.latlng.lat; c.lng += p.latlng.lng;
      cells.set(key, c);
    }
    for (const c of cells.values()) {
      if (c.n === 1) { group.addLayer(one(c.first)); continue; }
      const share = c.bad / c.n;
      // On the same canvas as the other point layers (drawn under the outlets, which are added after), with its count.
      const marker = L.circleMarker([c.lat / c.n, c.lng / c.n], {
        radius: Math.round(7 + 4 * Math.log10(c.n)), weight: 1.5, color: '#fff', fillOpacity: 0.85, fillColor: mix(share), className: 'cluster',
      });
      marker.bindTooltip(el('span', {}, String(c.n)), { permanent: true, direction: 'center', className: 'cluster-count', interactive: false });
      marker.on('click', () => map.setView(marker.getLatLng(), Math.min(map.getZoom() + 2, detailZoom)));
      onCluster?.(marker, c);
      group.addLayer(marker);
    }
  };
  group.on('add', e => { map = e.target._map; map.on('moveend zoomend', draw); draw(); });
  group.on('remove', () => { map?.off('moveend zoomend', draw); map = null; });
  group.redraw = draw;
  // Every point behind the clusters, and the layer one of them is drawn as close up.
  group.points = points;
  group.single = one;
  return group;
}
