import { t, fmt, pct, pick } from './i18n.js';
import { el, fill } from './dom.js';
import { countUnit } from './volumes.js';
import { profile } from './profile.js';

/*
 * The scorecard's first view: one line per target of the city's policy (now, target, progress, on track or not, the
 * clause on hover), the coverage of the 15-minute life circle, the districts from least to best covered as bars, and
 * the way into each tab. Counts are whole numbers; growth targets per cent; volumes in their unit.
 */
const statusClass = { met: 'good', onTrack: 'good', missed: 'bad', offTrack: 'bad', open: 'open', notMeasured: 'none' };

function value(tg, n) {
  if (n == null) return '—';
  if (tg.kind === 'growth') return pct(n);
  return fmt(countUnit(tg.unit) || tg.kind === 'count' ? Math.round(n) : n, 0);
}

function status(tg) {
  // A count target (outlets, centres) has no projection: it is met or still open.
  const s = tg.volume?.city?.status ?? tg.status;
  return el('span', { className: `badge ${statusClass[s] ?? 'open'}`, dataset: { status: s } }, t(`dash.status.${s}`));
}

const goTo = tab => () => document.querySelector(`#tabs button[data-tab='${tab}']`).click();

export async function renderDashboard(card) {
  const p = await profile();
  const box = document.getElementById('dashboard');
  const rows = card.targets.map(tg => {
    const progress = Math.max(0, Math.min(1, Number(tg.progress) || 0));
    const cite = `${t('citation')}: ${tg.citation.section} ${tg.citation.item} — “${tg.citation.quote}”`;
    return el('tr', { dataset: { target: tg.id }, title: cite },
      el('td', { className: 'label' }, pick(tg.labelZh, tg.labelEn), el('span', { className: 'cite-mark', title: cite }, ' ⓘ')),
      el('td', {}, String(tg.year)),
      el('td', { className: 'num current' }, tg.status === 'notMeasured' ? '—' : value(tg, tg.current)),
      el('td', { className: 'num target' }, value(tg, tg.target)),
      el('td', { className: 'progress' }, tg.status === 'notMeasured' ? '' : [el('div', { className: 'bar' }, el('div', { style: { width: `${(progress * 100).toFixed(1)}%` } })),
        el('span', { className: 'pct' }, pct(progress))]),
      el('td', {}, status(tg)),
      el('td', {}, el('button', { type: 'button', className: 'link', onclick: goTo(tg.volume ? 'volumes' : tg.metric === 'greenSortingCenters' ? 'siting' : 'siting') },
        t(tg.volume ? 'dash.toVolumes' : 'dash.toSiting'))));
  });
  const c = card.coverage.city;
  const districts = [...card.districts].sort((a, b) => a.share - b.share);
  const canvas = el('canvas', { id: 'dashDistricts', role: 'img', 'aria-label': t('dash.districtsChart') });
  fill(box,
    el('h2', {}, t('dash.title', { city: pick(p.city.name, p.city.nameEn), policy: p.policy.documentNumber })),
    el('table', { id: 'dashTargets' },
      el('thead', {}, el('tr', {}, [t('dash.target'), t('dash.year'), t('current'), t('target'), t('dash.progress'), t('dash.state'), ''].map(h => el('th', {}, h)))),
      el('tbody', {}, rows)),
    el('p', { className: 'coverage-line' }, t('dash.coverage', { share: pct(c.share), covered: fmt(c.coveredHouseholds), all: fmt(c.households) }), ' ',
      el('button', { type: 'button', className: 'link', onclick: goTo('gaps') }, t('dash.toGaps')), ' ',
      el('button', { type: 'button', className: 'link', onclick: goTo('map') }, t('dash.toMap')), ' ',
      el('button', { type: 'button', className: 'link', onclick: goTo('plans') }, t('dash.toPlans'))),
    // The county network and the merged points, where the city's policy asks for them.
    card.tiers ? el('p', { className: 'tiers-line' }, t('dash.tiers', { villages: pct(card.tiers.city.villageShare ?? 0),
      townships: pct(card.tiers.city.townshipShare ?? 0), stations: pct(card.tiers.city.stationShare ?? 0) })) : null,
    card.mergedPoints ? el('p', { className: 'merged-line' }, t('dash.merged', { share: pct(card.mergedPoints.share ?? 0),
      merged: fmt(card.mergedPoints.merged), points: fmt(card.mergedPoints.points) })) : null,
    el('h3', {}, t('dash.districtsChart')),
    el('div', { className: 'chart-box dash-chart', style: { height: `${Math.max(160, 26 * districts.length + 40)}px` } }, canvas));
  queueMicrotask(() => {
    // eslint-disable-next-line no-undef
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: districts.map(d => d.name),
        datasets: [{ label: t('share'), data: districts.map(d => Math.round(d.share * 1000) / 10), backgroundColor: '#31a354' }],
      },
      options: {
        indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { min: 0, max: 100, title: { display: true, text: t('dash.sharePct') } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { afterLabel: ctx => {
            const d = districts[ctx.dataIndex];
            return [t('dash.uncovered', { n: fmt(d.households - d.coveredHouseholds) }),
              d.shortfall != null && card.fairShare?.target ? t('dash.shortfall', { n: fmt(Math.max(0, Math.round(d.shortfall))) }) : null].filter(Boolean);
          } } },
        },
      },
    });
  });
}
