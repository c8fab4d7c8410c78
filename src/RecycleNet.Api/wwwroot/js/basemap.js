import { cityUrl } from './api.js';

/*
 * The offline base map: the service's own vector tiles (GET /api/basemap/{z}/{x}/{y}: land, township outlines, roads)
 * decoded here and painted on canvas tiles, so a bureau without internet (or without a tile-service key) still sees
 * its districts and streets. Mapbox Vector Tile 2.1 is protocol buffers: a few varints and packed arrays.
 */

/** Reads the protocol-buffer wire format: varints, lengths, packed varints. */
class Reader {
  constructor(bytes, start = 0, end = bytes.length) { this.b = bytes; this.pos = start; this.end = end; }
  varint() {
    let v = 0, shift = 0, byte;
    do { byte = this.b[this.pos++]; v += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return v;
  }
  fields(each) {
    while (this.pos < this.end) {
      const key = this.varint(), field = Math.floor(key / 8), wire = key & 7;
      if (wire === 0) each(field, this.varint(), null);
      else if (wire === 2) { const len = this.varint(); const sub = new Reader(this.b, this.pos, this.pos + len); this.pos += len; each(field, null, sub); }
      else if (wire === 1) { each(field, new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8).getFloat64(0, true), null); this.pos += 8; }
      else if (wire === 5) { each(field, new DataView(this.b.buffer, this.b.byteOffset + this.pos, 4).getFloat32(0, true), null); this.pos += 4; }
      else throw new Error(`wire type ${wire}`);
    }
  }
  packed() { const out = []; while (this.pos < this.end) out.push(this.varint()); return out; }
  text() { return new TextDecoder().decode(this.b.subarray(this.pos, this.end)); }
}

const zigzag = n => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);

/** A tile's layers: { name: { extent, features: [{ type, rings: [[x, y, x, y…]…], props }] } }. */
export function decodeTile(bytes) {
  const layers = {};
  new Reader(bytes).fields((field, _, layerReader) => {
    if (field !== 3) return;
    const layer = { name: '', extent: 4096, features: [], keys: [], values: [] };
    const raw = [];
    layerReader.fields((f, v, sub) => {
      if (f === 1) layer.name = sub.text();
      else if (f === 5) layer.extent = v;
      else if (f === 3) layer.keys.push(sub.text());
      else if (f === 4) {
        let value = null;
        sub.fields((vf, num, s) => { value = vf === 1 ? s.text() : vf === 6 ? zigzag(num) : vf === 7 ? num === 1 : num; });
        layer.values.push(value);
      } else if (f === 2) raw.push(sub);
    });
    for (const r of raw) {
      const feature = { type: 0, rings: [], props: {} };
      let tags = [], geometry = [];
      r.fields((f, v, sub) => { if (f === 2) tags = sub.packed(); else if (f === 3) feature.type = v; else if (f === 4) geometry = sub.packed(); });
      for (let i = 0; i + 1 < tags.length; i += 2) feature.props[layer.keys[tags[i]]] = layer.values[tags[i + 1]];
      let x = 0, y = 0, ring = null;
      for (let i = 0; i < geometry.length;) {
        const command = geometry[i] & 7, count = geometry[i] >> 3;
        i++;
        if (command === 7) { if (ring) ring.closed = true; continue; }
        for (let k = 0; k < count; k++) {
          x += zigzag(geometry[i++]); y += zigzag(geometry[i++]);
          if (command === 1) { ring = [x, y]; feature.rings.push(ring); } else ring.push(x, y);
        }
      }
      layer.features.push(feature);
    }
    delete layer.keys; delete layer.values;
    layers[layer.name] = layer;
  });
  return layers;
}

/** The base map's style: what a planner expects of a plain topographic map (land, grey township lines, white streets). */
export const style = {
  background: '#dfe7ea',
  land: { fill: '#f4f1ea', stroke: '#8a8f98', width: 1.4 },
  townships: { stroke: '#b8ab8f', width: 0.8, dash: [4, 3] },
  roads: {
    main: { casing: '#c9b58f', fill: '#fde9b8', width: 3 },
    street: { casing: '#cfcfcf', fill: '#ffffff', width: 1.6 },
  },
};

const mainClasses = new Set(['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'motorway_link', 'trunk_link', 'primary_link', 'secondary_link']);

function path(ctx, rings, scale, close) {
  ctx.beginPath();
  for (const ring of rings) {
    ctx.moveTo(ring[0] * scale, ring[1] * scale);
    for (let i = 2; i < ring.length; i += 2) ctx.lineTo(ring[i] * scale, ring[i + 1] * scale);
    if (close) ctx.closePath();
  }
}

/** Paints one decoded tile on a canvas of size × size CSS pixels. */
export function paint(ctx, layers, size) {
  ctx.fillStyle = style.background;
  ctx.fillRect(0, 0, size, size);
  const land = layers.land;
  if (land) {
    const s = size / land.extent;
    for (const f of land.features) { path(ctx, f.rings, s, true); ctx.fillStyle = style.land.fill; ctx.fill('evenodd'); }
  }
  const townships = layers.townships;
  if (townships) {
    const s = size / townships.extent;
    ctx.setLineDash(style.townships.dash);
    ctx.strokeStyle = style.townships.stroke; ctx.lineWidth = style.townships.width;
    for (const f of townships.features) { path(ctx, f.rings, s, true); ctx.stroke(); }
    ctx.setLineDash([]);
  }
  const roads = layers.roads;
  if (roads) {
    const s = size / roads.extent;
    ctx.lineCap = 'round'; ctx.lineJoin = 'round';
    // Minor under main, casings under fills, so junctions read as one street.
    for (const kind of ['street', 'main']) {
      const look = style.roads[kind];
      const mine = roads.features.filter(f => (mainClasses.has(f.props.class) ? 'main' : 'street') === kind);
      for (const [colour, width] of [[look.casing, look.width + 1.2], [look.fill, look.width]]) {
        ctx.strokeStyle = colour; ctx.lineWidth = width;
        for (const f of mine) { path(ctx, f.rings, s, false); ctx.stroke(); }
      }
    }
  }
  if (land) {
    const s = size / land.extent;
    ctx.strokeStyle = style.land.stroke; ctx.lineWidth = style.land.width;
    for (const f of land.features) { path(ctx, f.rings, s, true); ctx.stroke(); }
  }
}

/** The base map as a Leaflet layer: canvas tiles the page paints from the service's vector tiles. */
export function offlineBaseMap() {
  const Layer = L.GridLayer.extend({
    createTile(coords, done) {
      const size = this.getTileSize().x, ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size * ratio;
      const ctx = canvas.getContext('2d');
      ctx.scale(ratio, ratio);
      fetch(cityUrl(`/api/basemap/${coords.z}/${coords.x}/${coords.y}`))
        .then(r => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status}`))))
        .then(buf => { paint(ctx, decodeTile(new Uint8Array(buf)), size); canvas.dataset.painted = 'true'; done(null, canvas); })
        .catch(err => done(err, canvas));
      return canvas;
    },
  });
  return new Layer({ maxZoom: 19, className: 'offline-basemap' });
}
