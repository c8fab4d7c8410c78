import { postJson, getJson, del, showError } from './api.js';
import { t, fmt, pct, pick, said } from './i18n.js';
import { showProposals } from './map.js';
import { el, fill, table } from './dom.js';
import { planFromSiting } from './plans.js';
import { profile } from './profile.js';

/*
 * The siting tab, made from the city's policy (profile.siting): Jinan sites outlets toward its 120-outlet target first;
 * Binzhou its county chain (village outlets, township stations, county centres); Anqiu outlets among its waste-sorting
 * points (两网融合) first. A goal the policy cannot give (a target it does not set) is not offered.
 */
let running = null;
let kinds = [];

const kindLabel = { outlets: 'siting.outlets', 'sorting-centers': 'siting.centers', tiers: 'siting.tiers' };
const goalLabel = { reachTarget: 'siting.reachTarget', sites: 'siting.sites', cityShare: 'siting.cityShare', budgetYuan: 'siting.budgetYuan',
  centers: 'siting.centersGoal', chain: 'siting.goal.chain' };
// A value a planner would start from for each goal (a share in per cent).
const goalDefault = { sites: 10, cityShare: 30, budgetYuan: 200000, centers: 3 };
const tierKey = { villageOutlet: 'siting.tier.villageOutlets', transferStation: 'siting.tier.transferStations', countyCentre: 'siting.tier.countyCentres' };

function fitGoals(form) {
  const kind = kinds.find(k => k.kind === form.elements.kind.value) ?? kinds[0];
  fill(form.elements.goal, kind.goals.map(g => el('option', { value: g }, t(goalLabel[g]))));
  fill(form.elements.candidates, kind.candidates.map(c => el('option', { value: c }, t(`siting.cand.${c}`))));
  form.querySelector("[data-for='candidates']").hidden = kind.candidates.length === 0;
  form.querySelector("[data-for='chain']").hidden = kind.kind !== 'tiers';
  fitValue(form);
}

function fitValue(form) {
  const goal = form.elements.goal.value;
  form.querySelector("[data-for='value']").hidden = goal === 'reachTarget' || goal === 'chain';
  if (goal in goalDefault) form.elements.value.value = goalDefault[goal];
}

function body(form) {
  const f = new FormData(form);
  const kind = f.get('kind'), goal = f.get('goal'), value = Number(f.get('value'));
  const b = { timeLimitSeconds: Number(f.get('time')) };
  if (kind === 'tiers') {
    for (const n of ['villageOutlets', 'transferStations', 'countyCentres']) b[n] = Number(f.get(n));
    return b;
  }
  if (goal === 'reachTarget') b.reachTarget = true;
  else if (goal === 'cityShare') b.cityShare = value > 1 ? value / 100 : value;
  else b[goal] = value;
  if (kind === 'outlets' && f.get('candidates')) b.candidates = f.get('candidates');
  return b;
}

export async function initSiting() {
  const form = document.getElementById('sitingForm');
  kinds = (await profile()).siting;
  fill(form.elements.kind, kinds.map(k => el('option', { value: k.kind }, t(kindLabel[k.kind]))));
  form.elements.kind.addEventListener('change', () => fitGoals(form));
  form.elements.goal.addEventListener('change', () => fitValue(form));
  fitGoals(form);
  form.dataset.ready = 'true';
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!document.getElementById('plannerKey').value.trim()) { showError({ title: t('siting.needKey') }); return; }
    let job;
    try { job = await postJson(`/api/siting/${form.elements.kind.value}`, body(form)); } catch { return; }
    running = job.href;
    document.getElementById('sitingCancel').disabled = false;
    poll();
  });
  document.getElementById('sitingCancel').addEventListener('click', async () => { if (running) await del(running).catch(() => {}); });
}

async function poll() {
  const status = document.getElementById('sitingStatus');
  let job;
  try { job = await getJson(running); } catch { running = null; return; }
  if (job.status === 'running' || job.status === 'queued') {
    status.textContent = t('siting.stage', { stage: said('stage', job.stage) });
    setTimeout(poll, 500);
    return;
  }
  running = null;
  document.getElementById('sitingCancel').disabled = true;
  if (job.status !== 'done') { status.textContent = [t(`run.${job.status}`), pick(job.errorZh ?? job.error, job.error)].filter(Boolean).join('：'); return; }
  const r = job.result, s = r.solver;
  if (job.kind === 'tiers') {
    // The chain proves nothing as a whole: its total haul, and each tier's own gap.
    const gap = tier => (r.tiers[tier] ? pct(r.tiers[tier].gap) : '—');
    status.textContent = t('siting.doneChain', { ms: fmt(job.elapsedMs), haul: fmt(s.objective, 1),
      village: gap('villageOutlets'), station: gap('transferStations'), centre: gap('countyCentres') });
  } else {
    status.textContent = t('siting.done', { ms: fmt(job.elapsedMs), objective: fmt(s.objective, 1), bound: fmt(s.bound, 1), gap: pct(s.gap), method: said('solver', s.method) });
  }
  // The proposals can be kept as a plan, to evaluate, compare and adopt.
  status.append(' ', el('button', { id: 'sitingPlan', dataset: { writes: '' }, onclick: () => planFromSiting(job.id).catch(() => {}) }, t('plan.fromSitingButton')));
  const outlets = job.kind === 'outlets', chain = job.kind === 'tiers';
  const headers = [t('rank'), ...(chain ? [t('siting.kind')] : []), t('name'), t('district'),
    ...(outlets ? [t('gained'), t('cumulative'), t('subsidyCol')] : chain ? [t('gained'), t('load')] : [t('outlets'), t('load')])];
  table(document.getElementById('sitingTable'), headers, r.proposals.features.map(({ properties: p }) => el('tr', { dataset: { kind: p.kind ?? job.kind } },
    el('td', {}, p.rank), chain ? el('td', {}, t(tierKey[p.kind] ?? p.kind)) : null, el('td', {}, p.label ?? ''), el('td', {}, p.district ?? ''),
    outlets
      ? [el('td', {}, fmt(p.householdsGained)), el('td', {}, pct(p.cumulativeShare)), el('td', {}, p.estimatedSubsidyYuan == null ? '' : fmt(p.estimatedSubsidyYuan))]
      : chain ? [el('td', {}, p.householdsGained == null ? '' : fmt(p.householdsGained)), el('td', {}, p.loadTonnesPerDay == null ? '' : fmt(p.loadTonnesPerDay, 1))]
        : [el('td', {}, p.outlets), el('td', {}, fmt(p.loadTonnesPerDay, 1))])));
  // The run the planner opened, and only it, on the map.
  showProposals(r.proposals, job.kind);
}
