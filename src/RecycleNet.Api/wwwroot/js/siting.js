import { postJson, getJson, del, showError } from './api.js';
import { t, fmt, pct, pick, said } from './i18n.js';
import { loadLayers } from './map.js';
import { el, table } from './dom.js';
import { planFromSiting } from './plans.js';

let running = null;

export function initSiting() {
  const form = document.getElementById('sitingForm');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!document.getElementById('plannerKey').value.trim()) { showError({ title: t('siting.needKey') }); return; }
    const f = new FormData(form);
    const kind = f.get('kind'), goal = f.get('goal'), value = Number(f.get('value'));
    const body = { timeLimitSeconds: Number(f.get('time')) };
    if (goal === 'reachTarget') body.reachTarget = true;
    else if (goal === 'cityShare') body.cityShare = value > 1 ? value / 100 : value;
    else body[kind === 'outlets' ? 'sites' : 'centers'] = value;
    let job;
    try { job = await postJson(`/api/siting/${kind}`, body); } catch { return; }
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
  status.textContent = t('siting.done', { ms: fmt(job.elapsedMs), objective: fmt(s.objective, 1), bound: fmt(s.bound, 1), gap: pct(s.gap), method: said('solver', s.method) });
  // The proposals can be kept as a plan, to evaluate, compare and adopt.
  status.append(' ', el('button', { id: 'sitingPlan', onclick: () => planFromSiting(job.id).catch(() => {}) }, t('plan.fromSitingButton')));
  const outlets = job.kind === 'outlets';
  const headers = [t('rank'), t('name'), t('district'), ...(outlets ? [t('gained'), t('cumulative'), t('subsidyCol')] : [t('outlets'), t('load')])];
  table(document.getElementById('sitingTable'), headers, r.proposals.features.map(({ properties: p }) => el('tr', {},
    el('td', {}, p.rank), el('td', {}, p.label ?? ''), el('td', {}, p.district ?? ''),
    outlets
      ? [el('td', {}, fmt(p.householdsGained)), el('td', {}, pct(p.cumulativeShare)), el('td', {}, p.estimatedSubsidyYuan == null ? '' : fmt(p.estimatedSubsidyYuan))]
      : [el('td', {}, p.outlets), el('td', {}, fmt(p.loadTonnesPerDay, 1))])));
  loadLayers();
}
