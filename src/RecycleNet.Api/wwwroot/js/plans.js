import { getJson, postJson, cityUrl, showError, clearError } from './api.js';
import { t, fmt, pct, reasonOf } from './i18n.js';
import { el, fill, table } from './dom.js';
import { loadLayers, showPlanSites } from './map.js';

/* The 规划方案 tab: the city's plans, each evaluated, compared, adopted or reverted. Every text from the service (plan
   and district names) goes in as text nodes. */

const statusText = s => t(`plan.status.${s}`);

export async function loadPlans() {
  const plans = await getJson('/api/plans');
  const rows = plans.map(p => el('tr', { dataset: { plan: p.id, status: p.status } },
    el('td', {}, el('input', { type: 'checkbox', className: 'plan-pick', value: p.id, 'aria-label': p.name })),
    el('td', {}, `#${p.id}`), el('td', { className: 'plan-name' }, p.name), el('td', {}, statusText(p.status)), el('td', {}, p.author ?? '—'),
    el('td', {}, t(p.counts.merge ? 'plan.countsMerged' : 'plan.counts', { add: p.counts.add, move: p.counts.move, close: p.counts.close, update: p.counts.update + p.counts.remove, merge: p.counts.merge })),
    el('td', {}, p.status === 'draft'
      ? [el('button', { className: 'plan-evaluate', onclick: () => evaluate(p.id).catch(() => {}) }, t('plan.evaluate')), ' ',
         el('button', { className: 'plan-adopt', dataset: { writes: '' }, onclick: () => adopt(p.id).catch(() => {}) }, t('plan.adopt')), ' ',
         el('a', { href: cityUrl(`/api/plans/${p.id}/evaluation?f=xlsx`) }, 'XLSX'), ' ',
         el('a', { href: cityUrl(`/api/plans/${p.id}/evaluation?f=docx`), className: 'plan-docx' }, 'Word')]
      : p.status === 'adopted' && p.revertOf == null
        ? el('button', { className: 'plan-revert', dataset: { writes: '' }, onclick: () => revert(p.id).catch(() => {}) }, t('plan.revert'))
        : '')));
  table(document.getElementById('planTable'),
    ['', '', t('name'), t('plan.statusCol'), t('plan.author'), t('plan.changes'), ''], rows);
  document.getElementById('plansPanel').dataset.count = String(plans.length);
}

export function initPlans() {
  document.getElementById('planCompare').addEventListener('click', () => compare().catch(() => {}));
}

async function evaluate(id) {
  clearError();
  const e = await getJson(`/api/plans/${id}/evaluation`);
  const box = document.getElementById('planResult');
  const changed = e.districts.filter(d => d.changed);
  fill(box, el('div', { className: 'evaluation', dataset: { plan: id } },
    el('h3', {}, e.plan.name, ' ', el('button', { className: 'plan-print', onclick: () => window.print() }, t('plan.print'))),
    el('p', {}, t('plan.coverage', { before: pct(e.shareBefore), after: pct(e.shareAfter), gained: fmt(e.householdsGained) })),
    el('p', {}, t('plan.outlets', { before: fmt(e.operatingOutletsBefore), after: fmt(e.operatingOutletsAfter) })),
    // Valid but odd changes are said here, before anyone adopts the plan.
    e.warnings?.length ? el('div', { className: 'notice plan-warnings' }, el('b', {}, t('plan.warnings')),
      el('ul', {}, e.warnings.map(w => el('li', {}, `${reasonOf(w)} (${w.field})`)))) : null,
    el('p', { className: 'subsidy' }, e.subsidy.totalYuan == null ? t('plan.noRule')
      : t('plan.subsidy', { yuan: fmt(e.subsidy.totalYuan), per10k: e.subsidy.householdsPer10kYuan == null ? '—' : fmt(e.subsidy.householdsPer10kYuan, 1) })),
    el('table', { className: 'plan-districts' },
      el('thead', {}, el('tr', {}, [t('district'), t('households'), t('plan.before'), t('plan.after'), t('plan.outletsCol')].map(h => el('th', {}, h)))),
      el('tbody', {}, (changed.length ? changed : e.districts).map(d => el('tr', { className: d.changed ? 'changed' : '' },
        el('td', {}, d.name), el('td', {}, fmt(d.households)), el('td', {}, pct(d.shareBefore)), el('td', {}, pct(d.shareAfter)),
        el('td', {}, `${fmt(d.outletsBefore)} → ${fmt(d.outletsAfter)}`)))))));
}

async function adopt(id) {
  clearError();
  try {
    await postJson(`/api/plans/${id}/adopt`, {});
  } catch (e) {
    if (e.status === 409 && e.problem?.errors?.length) {
      // Who changed what since the plan was made: the planner reloads, and saves the plan again.
      fill(document.getElementById('planResult'), el('div', { className: 'conflicts' },
        el('p', { className: 'error' }, t('plan.conflict')),
        el('ul', {}, e.problem.errors.map(c => el('li', {}, c.field ? `${c.field}: ${reasonOf(c)}` : reasonOf(c))))));
    }
    return;
  }
  fill(document.getElementById('planResult'), el('p', { className: 'ok' }, t('plan.adopted', { id })));
  await loadPlans();
  await loadLayers();
}

async function revert(id) {
  clearError();
  await postJson(`/api/plans/${id}/revert`, {});
  fill(document.getElementById('planResult'), el('p', { className: 'ok' }, t('plan.reverted', { id })));
  await loadPlans();
  await loadLayers();
}

async function compare() {
  clearError();
  const ids = [...document.querySelectorAll('.plan-pick:checked')].map(c => c.value);
  if (ids.length < 2 || ids.length > 4) { showError({ title: t('plan.pickTwo') }); return; }
  const answer = await getJson(`/api/plans/compare?ids=${ids.join(',')}`);
  const plans = answer.plans;
  const metrics = [
    ['plan.shareAfter', p => p.shareAfter, pct, 'max'],
    ['plan.gained', p => p.householdsGained, n => fmt(n), 'max'],
    ['plan.outletsAfter', p => p.operatingOutletsAfter, n => fmt(n), null],
    ['plan.subsidyCol', p => p.subsidy.totalYuan, n => (n == null ? '—' : fmt(n)), 'min'],
    ['plan.per10k', p => p.subsidy.householdsPer10kYuan, n => (n == null ? '—' : fmt(n, 1)), 'max'],
  ];
  const rows = metrics.map(([key, get, show, best]) => {
    const values = plans.map(get);
    const known = values.filter(v => v != null);
    const target = best === 'max' ? Math.max(...known) : best === 'min' ? Math.min(...known) : null;
    const differ = new Set(values.map(String)).size > 1;
    return el('tr', { className: differ ? 'differs' : '' }, el('th', {}, t(key)),
      values.map(v => el('td', { className: differ && v != null && v === target ? 'best' : '' }, show(v))));
  });
  fill(document.getElementById('planResult'), el('table', { id: 'planCompareTable' },
    el('thead', {}, el('tr', {}, el('th', {}, ''), plans.map((p, i) => el('th', {}, el('span', { className: 'swatch', style: { background: colours[i] } }), ` #${p.plan.id} ${p.plan.name}`)))),
    el('tbody', {}, rows)),
    el('button', { id: 'planCompareMap', onclick: () => onMap(plans).catch(() => {}) }, t('plan.onMap')));
}

const colours = ['#e67e22', '#8e44ad', '#16a085', '#c0392b'];

/** The compared plans' sites on the map, each plan in its colour (the table's swatches). */
async function onMap(plans) {
  const groups = [];
  for (const [i, p] of plans.entries()) {
    const fc = await getJson(`/ogc/collections/plan-sites/items?planId=${p.plan.id}&limit=10000`);
    groups.push({ id: p.plan.id, name: p.plan.name, color: colours[i], features: fc });
  }
  showPlanSites(groups);
  document.querySelector("#tabs button[data-tab='map']").click();
}

/** Saves the map's what-if (outlets placed, moved, closed) as a plan. */
export async function saveAsPlan(changes, crs) {
  const name = document.getElementById('planName').value.trim() || t('plan.defaultName', { date: new Date().toISOString().slice(0, 16).replace('T', ' ') });
  const plan = await postJson('/api/plans', { name, crs, changes });
  document.getElementById('whatifResult').textContent = t('plan.saved', { id: plan.summary.id, name: plan.summary.name });
  return plan;
}

/** Keeps a done siting run's proposals as a plan. */
export async function planFromSiting(jobId) {
  const plan = await postJson('/api/plans', { name: t('plan.fromSiting', { date: new Date().toISOString().slice(0, 16).replace('T', ' ') }), fromSitingJob: { id: jobId } });
  document.getElementById('sitingStatus').textContent = t('plan.saved', { id: plan.summary.id, name: plan.summary.name });
  return plan;
}

