import { getJson, cityUrl, clearError, uploadFile, problemView } from './api.js';
import { t, fmt, pick } from './i18n.js';
import { el, fill, table } from './dom.js';

/* Volume targets, a facility's volumes and the monthly report upload. Charts are Chart.js (npm, /lib/chartjs), fed numbers
   only; every label is text Chart.js draws on a canvas, never markup. */

const charts = new Map();

/** Draws (or redraws) a chart on a canvas, keeping one Chart per canvas. */
function draw(canvas, config) {
  charts.get(canvas)?.destroy();
  // eslint-disable-next-line no-undef
  const chart = new Chart(canvas, { ...config, options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options } });
  charts.set(canvas, chart);
  return chart;
}

const statusText = s => t(`volume.status.${s}`);

/** Whether a volume unit counts things (units, vehicles) rather than weighing them. */
export const countUnit = unit => unit !== 'tonnes' && unit !== 't';

/** A volume target's block in the scorecard: figures, projection, the trend chart and the months missing. */
export function volumeTarget(tg) {
  const v = tg.volume;
  const c = v.city;
  const unit = pick(v.unitLabel, v.unit);
  // Counted things (台, 辆) in whole numbers — a target of 32,080.4 台 is 32,081 to reach; weights to a tenth of a tonne.
  const q = n => (n == null ? '—' : `${fmt(countUnit(v.unit) ? Math.ceil(n - 1e-9) : n, countUnit(v.unit) ? 0 : 1)} ${unit}`);
  const lines = [
    tg.kind === 'growth' ? el('p', {}, `${t('volume.baseline', { year: c.baselineYear })}: `, el('span', { className: 'baseline' }, q(c.baseline))) : null,
    el('p', {}, `${t('volume.ytd', { from: c.yearToDateFrom, to: v.asOf })}: ${q(c.yearToDate)} · ${t('volume.ttm', { from: c.trailingFrom, to: v.asOf })}: ${q(c.trailingTwelveMonths)}`),
    c.targetYearTotal != null ? el('p', {}, `${t('volume.yearTotal', { year: tg.year })}: ${q(c.targetYearTotal)}`) : null,
    c.projected != null ? el('p', {}, `${t('volume.projected', { year: tg.year })}: `, el('span', { className: 'projected' }, q(c.projected)),
      ` · ${t('volume.targetFigure')}: ${q(c.targetFigure)} · `, el('b', { className: `status ${c.status}` }, statusText(c.status))) : null,
    c.projection ? el('p', { className: 'hint projection', dataset: { kind: c.projection.kind } }, `${t('volume.how')}: ${pick(c.projection.methodZh, c.projection.method)}`) : null,
    c.notMeasuredBecause ? el('p', { className: 'hint' }, pick(c.notMeasuredBecauseZh, c.notMeasuredBecause)) : null,
  ];
  const canvas = el('canvas', { className: 'trend', dataset: { target: tg.id }, role: 'img', 'aria-label': `${pick(tg.labelZh, tg.labelEn)} ${unit}` });
  const missing = v.missing.length || v.monthsWithoutReports.length
    ? el('details', { className: 'missing' },
      el('summary', {}, t('volume.missing', { months: v.missing.length + v.monthsWithoutReports.length, facilities: fmt(v.missing.reduce((a, m) => a + m.facilities, 0)) })),
      el('ul', {}, v.monthsWithoutReports.map(m => el('li', {}, `${m}: ${t('volume.noReports')}`)),
        v.missing.map(m => el('li', {}, `${m.month}: ${m.examples.map(f => f.name).join('、')}${m.facilities > m.examples.length ? ` … (${fmt(m.facilities)})` : ''}`))))
    : el('p', { className: 'hint' }, t('volume.complete'));
  const box = el('div', { className: 'volume' }, lines, el('div', { className: 'chart-box' }, canvas), missing);
  // Drawn once the block is in the page (Chart.js measures its container).
  queueMicrotask(() => trendChart(canvas, tg));
  return box;
}

/** Monthly bars from the baseline year on, the baseline year's monthly average and the target's, as lines. */
function trendChart(canvas, tg) {
  const v = tg.volume;
  const from = `${(v.city.baselineYear ?? Number(v.asOf.slice(0, 4)) - 1)}-01`;
  const series = v.series.filter(p => p.month >= from);
  const labels = series.map(p => p.month);
  const datasets = [{ type: 'bar', label: t('volume.monthly'), data: series.map(p => p.quantity), backgroundColor: '#5b8def', order: 2 }];
  if (v.city.baseline != null) {
    datasets.push({ type: 'line', label: t('volume.baselineLine', { year: v.city.baselineYear }), data: labels.map(() => v.city.baseline / 12),
      borderColor: '#888', borderDash: [6, 4], pointRadius: 0, order: 1 });
  }
  if (v.city.targetFigure != null) {
    datasets.push({ type: 'line', label: t('volume.targetLine', { year: tg.year }), data: labels.map(() => v.city.targetFigure / 12),
      borderColor: '#d9534f', pointRadius: 0, order: 0 });
  }
  draw(canvas, { type: 'bar', data: { labels, datasets }, options: { plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true } } } });
  canvas.dataset.drawn = String(series.length);
}

/** A facility's last 24 months in a map popup: tonnes by month (bars) and appliances in 台 (line). */
export async function facilityChart(container, ref) {
  const month = new Date();
  const from = `${month.getFullYear() - 2}-${String(month.getMonth() + 1).padStart(2, '0')}`;
  const answer = await getJson(`/api/volumes?facility=${encodeURIComponent(ref)}&by=month,category&from=${from}`);
  const months = [...new Set(answer.totals.map(x => x.month))].sort();
  if (months.length === 0) { fill(container, el('span', { className: 'hint' }, t('volume.none'))); return; }
  const tonnes = months.map(m => answer.totals.filter(x => x.month === m && x.unit === 't').reduce((a, x) => a + x.quantity, 0));
  const units = months.map(m => answer.totals.find(x => x.month === m && x.category === 'appliances' && x.unit === 'units')?.quantity ?? null);
  const canvas = el('canvas', { className: 'facility-chart', dataset: { facility: ref } });
  fill(container, el('div', { className: 'popup-chart' }, canvas));
  const datasets = [{ type: 'bar', label: t('volume.tonnes'), data: tonnes, backgroundColor: '#5b8def', yAxisID: 'y' }];
  if (units.some(u => u != null)) datasets.push({ type: 'line', label: t('volume.appliances'), data: units, borderColor: '#e67e22', pointRadius: 1, yAxisID: 'y1' });
  draw(canvas, { type: 'bar', data: { labels: months, datasets }, options: {
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 10 } } },
    scales: { y: { beginAtZero: true }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, display: units.some(u => u != null) } },
  } });
  canvas.dataset.drawn = String(months.length);
}

/* The 回收量 tab: upload a monthly report (checked first, saved on confirmation), the corrections, the export. */

let pending = null;

export function initVolumes() {
  const form = document.getElementById('volumeForm');
  form.addEventListener('submit', e => { e.preventDefault(); check().catch(() => {}); });
  document.getElementById('volumeConfirm').addEventListener('click', () => confirmImport().catch(() => {}));
}

export async function loadVolumes() {
  document.getElementById('volumesXlsx').href = cityUrl('/api/volumes?by=month,category&f=xlsx');
  const history = await getJson('/api/volumes/corrections?limit=100');
  const rows = history.corrections.map(c => el('tr', {}, el('td', {}, c.at.slice(0, 16).replace('T', ' ')), el('td', {}, c.planner ?? '—'),
    el('td', {}, c.facilityLabel ?? c.facility), el('td', {}, c.month), el('td', {}, pick(c.categoryLabel, c.category)),
    el('td', {}, c.oldQuantity == null ? '—' : fmt(c.oldQuantity, 3)), el('td', {}, c.newQuantity == null ? '—' : fmt(c.newQuantity, 3))));
  table(document.getElementById('correctionsTable'),
    [t('volume.at'), t('volume.planner'), t('volume.facility'), t('volume.month'), t('volume.category'), t('volume.old'), t('volume.new')], rows);
}

async function check() {
  clearError();
  const file = document.getElementById('volumeFile').files[0];
  if (!file) return;
  pending = null;
  document.getElementById('volumeConfirm').hidden = true;
  const result = document.getElementById('volumeResult');
  try {
    const answer = await uploadFile('/api/import/volumes?dryRun=true', file, { quiet: true });
    pending = file;
    fill(result, el('p', { className: 'ok' }, t('volume.checked', { figures: fmt(answer.figures), months: fmt(answer.facilityMonths),
      resubmitted: fmt(answer.resubmitted), corrections: fmt(answer.correctionCount) })),
    // A resubmission that leaves out categories a month had: the planner says whether they go (replace) or stay (merge).
    answer.needsMode ? el('div', { className: 'notice', id: 'volumeMode' },
      el('p', {}, t('volume.needsMode', { n: fmt(answer.removedCount) })),
      el('label', {}, el('input', { type: 'radio', name: 'volumeMode', value: 'merge', checked: 'checked' }), ' ', t('volume.mode.merge')), ' ',
      el('label', {}, el('input', { type: 'radio', name: 'volumeMode', value: 'replace' }), ' ', t('volume.mode.replace'))) : null);
    document.getElementById('volumeConfirm').hidden = false;
  } catch (e) {
    if (!e.problem) throw e;
    // Every row error next to its row and column, before anything is saved.
    fill(result, ...problemView(e.problem, 'volumeErrors'));
  }
}

async function confirmImport() {
  if (!pending) return;
  const mode = document.querySelector("#volumeMode input[name='volumeMode']:checked")?.value;
  const answer = await uploadFile(`/api/import/volumes${mode ? `?mode=${mode}` : ''}`, pending);
  pending = null;
  document.getElementById('volumeConfirm').hidden = true;
  fill(document.getElementById('volumeResult'), el('p', { className: 'ok' }, t('volume.saved', { figures: fmt(answer.figures), corrections: fmt(answer.correctionCount) })));
  await loadVolumes();
}

