import { t, reasonOf, titleOf, detailOf } from './i18n.js';
import { el } from './dom.js';

/** Shows an error from the API (problem+json: title, detail, each field's reason) without breaking the page. */
export function showError(problem) {
  const box = document.getElementById('message');
  const lines = [titleOf(problem)];
  if (problem.errors?.length) lines.push(...problem.errors.map(e => e.field ? `${e.field}: ${reasonOf(e)}` : reasonOf(e)));
  else if (detailOf(problem)) lines.push(detailOf(problem));
  box.textContent = lines.join('\n');
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.hidden = true; }, 12000);
}

/**
 * A refused upload shown in place: the title, and every row error in a table (row, column, reason) so each sits by
 * what it names; a problem without a list shows its detail.
 */
export function problemView(problem, tableId) {
  const errors = problem.errors ?? [];
  return [
    el('p', { className: 'error' }, titleOf(problem), errors.length ? '' : ` — ${detailOf(problem) ?? ''}`),
    errors.length ? el('table', { id: tableId },
      el('thead', {}, el('tr', {}, [t('volume.row'), t('volume.column'), t('volume.reason')].map(h => el('th', {}, h)))),
      el('tbody', {}, errors.map(x => el('tr', {}, el('td', {}, x.index ?? '—'), el('td', {}, x.field ?? ''), el('td', {}, reasonOf(x)))))) : null,
  ];
}

export function clearError() { document.getElementById('message').hidden = true; }

/** The city the page shows: ?city= in the page's address, or its /cities/{city}/ path; none means the service's default city. */
export const city = new URLSearchParams(location.search).get('city') ?? location.pathname.match(/^\/cities\/([a-z0-9-]+)/)?.[1] ?? null;

/** An API or OGC address for the page's city (/cities/{city}/…); other addresses (and the city list) as they are. */
export function cityUrl(url) {
  if (!city || !/^\/(api|ogc)\//.test(url) || url.startsWith('/api/cities')) return url;
  return `/cities/${encodeURIComponent(city)}${url}`;
}

function headers(extra = {}) {
  const key = document.getElementById('plannerKey').value.trim();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
}

async function read(r, quiet = false) {
  const type = r.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await r.json() : await r.text();
  if (!r.ok) {
    const problem = typeof body === 'object' ? body : { title: `${r.status} ${r.statusText}`, detail: body };
    if (!quiet) showError(problem);
    throw Object.assign(new Error(problem.title), { problem, status: r.status });
  }
  return body;
}

export async function getJson(url) { return read(await fetch(cityUrl(url), { headers: headers({ Accept: 'application/json' }) })); }

/** Like getJson, but an answer that is not 2xx is null, not an error shown to the planner (an optional part of the page). */
export async function tryJson(url) {
  const r = await fetch(cityUrl(url), { headers: headers({ Accept: 'application/json' }) });
  return r.ok ? r.json() : null;
}

export async function postJson(url, data, accept = 'application/json') {
  const r = await fetch(cityUrl(url), { method: 'POST', headers: headers({ 'Content-Type': 'application/json', Accept: accept }), body: JSON.stringify(data) });
  if (accept !== 'application/json' && r.ok) return r.blob();
  return read(r);
}

export async function del(url) { return read(await fetch(cityUrl(url), { method: 'DELETE', headers: headers() })); }

/** Uploads a file as a multipart form (the planner key sent); quiet: a refusal is thrown to the caller, not shown in the banner. */
export async function uploadFile(url, file, { quiet = false } = {}) {
  const form = new FormData();
  form.append('file', file, file.name);
  return read(await fetch(cityUrl(url), { method: 'POST', headers: headers({ Accept: 'application/json' }), body: form }), quiet);
}
