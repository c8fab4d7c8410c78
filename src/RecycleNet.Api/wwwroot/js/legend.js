import { t, pct } from './i18n.js';
import { el, fill } from './dom.js';

/*
 * The map's legend: one entry for every layer that is switched on and has features, with the symbol the map draws,
 * and the choropleth's classes with their breaks. Colours are defined here once and used by the map and the legend.
 */
export const colours = {
  covered: '#1e8449', uncovered: '#c0392b', unknown: '#7f8c8d',
  fixed: '#1f6fb2', mobile: '#8e44ad', inactive: '#999999',
  green: '#27ae60', centre: '#e67e22',
  stationServed: '#b9770e', stationUnserved: '#6e2c00',
  merged: '#17a589', point: '#a9cce3', circle: '#1f6fb2', township: '#7d6608',
  tier: { villageOutlet: '#16a085', transferStation: '#d35400', countyCentre: '#6c3483', outlet: '#f1c40f', sortingCenter: '#f39c12' },
};

// Five sequential classes, light to dark (ColorBrewer YlGn), for the coverage choropleth.
const ramp = ['#ffffcc', '#c2e699', '#78c679', '#31a354', '#006837'];

/**
 * Quantile classes of the districts' coverage shares (at most five; fewer when shares repeat), so a city at 15 % is
 * not all one colour: [{ from, to, colour }], the last class including its upper end.
 */
export function coverageClasses(shares) {
  const sorted = [...shares].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks = [];
  for (let k = 1; k < 5; k++) breaks.push(sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / 5))]);
  const edges = [...new Set([sorted[0], ...breaks, sorted[sorted.length - 1]])];
  if (edges.length === 1) return [{ from: edges[0], to: edges[0], colour: ramp[2] }];
  const classes = [];
  for (let i = 0; i + 1 < edges.length; i++) classes.push({ from: edges[i], to: edges[i + 1] });
  const offset = Math.floor((ramp.length - classes.length) / 2);
  classes.forEach((c, i) => { c.colour = ramp[Math.min(ramp.length - 1, i + (classes.length < ramp.length ? offset : 0))]; });
  return classes;
}

/** "12.5% – 30.0%"; one share when both ends read the same (every district of a small city alike). */
function classLabel(c) {
  const from = pct(c.from), to = pct(c.to);
  return from === to ? from : `${from} – ${to}`;
}

export function classOf(classes, share) {
  for (let i = 0; i < classes.length; i++) if (share < classes[i].to || i === classes.length - 1) return classes[i];
  return classes[classes.length - 1];
}

const swatch = (kind, colour, extra = {}) => el('span', { className: `swatch ${kind}`, style: { background: colour, ...(extra.border ? { borderColor: extra.border } : {}) } });

/** Legend rows of each layer: [symbol, label]. */
function rows(name, info) {
  switch (name) {
    case 'districts': return [el('div', { className: 'legend-title' }, t('legend.coverage')),
      ...info.classes.map(c => el('div', {}, swatch('area', c.colour), classLabel(c)))];
    case 'communities': return [el('div', {}, swatch('dot', colours.covered), t('legend.covered')), el('div', {}, swatch('dot', colours.uncovered), t('legend.uncovered')),
      el('div', {}, swatch('cluster', `linear-gradient(90deg, ${colours.covered}, ${colours.uncovered})`), t('legend.cluster'))];
    case 'outlets': return [el('div', {}, swatch('dot big', colours.fixed), t('legend.fixed')), el('div', {}, swatch('dot big', colours.mobile), t('legend.mobile')),
      el('div', {}, swatch('dot big', colours.inactive), t('legend.inactive'))];
    case 'centers': return [el('div', {}, swatch('dot big', colours.green), t('legend.greenCentre')), el('div', {}, swatch('dot big', colours.centre), t('legend.centre'))];
    case 'circles': return [el('div', {}, swatch('area', 'rgba(31,111,178,0.15)', { border: colours.circle }), t('layer.circles'))];
    case 'townships': return [el('div', {}, swatch('line dashed', 'transparent', { border: colours.township }), t('layer.townships'))];
    case 'villages': return [el('div', {}, swatch('dot', colours.covered), t('legend.villageServed')), el('div', {}, swatch('dot', colours.uncovered), t('legend.villageUnserved'))];
    case 'stations': return [el('div', {}, swatch('dot big', colours.stationServed), t('legend.stationServed')), el('div', {}, swatch('dot big', colours.stationUnserved), t('legend.stationUnserved'))];
    case 'wastePoints': return [el('div', {}, swatch('dot', colours.merged), t('legend.merged')), el('div', {}, swatch('dot', colours.point), t('legend.wastePoint'))];
    case 'proposals': return info.kinds.map(k => el('div', {}, swatch('rank', colours.tier[k] ?? colours.tier.outlet), t(`legend.proposal.${k}`)));
    default: return [];
  }
}

/** Rewrites the legend from the layers now shown: { name: info } in drawing order. */
export function drawLegend(box, shown) {
  fill(box, el('div', { className: 'legend-head' }, t('legend.title')),
    Object.entries(shown).map(([name, info]) => el('div', { className: 'legend-layer', dataset: { layer: name } },
      name === 'districts' ? null : el('div', { className: 'legend-title' }, t(`layer.${name}`)), rows(name, info))));
}
