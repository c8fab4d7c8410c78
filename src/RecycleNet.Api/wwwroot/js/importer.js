import { getJson, clearError, uploadFile, problemView } from './api.js';
import { t, fmt } from './i18n.js';
import { el, fill } from './dom.js';
import { loadLayers } from './map.js';

/* The 数据导入 tab: a planner's own file into a layer. Preview and check first (a dry run: how each column is read, the
   first rows, every row's errors), the column mapping corrected where the service did not recognise a header, and
   nothing written until the planner confirms — then the whole file or nothing. */

let state = null; // { layer, file, crs, mode, mapping, fields }

export function initImporter() {
  document.getElementById('importForm').addEventListener('submit', e => { e.preventDefault(); start().catch(() => {}); });
  document.getElementById('importConfirm').addEventListener('click', () => confirm().catch(() => {}));
}

function query(dryRun) {
  const p = new URLSearchParams({ crs: state.crs, mode: state.mode });
  if (dryRun) p.set('dryRun', 'true');
  if (Object.keys(state.mapping).length) p.set('mapping', JSON.stringify(state.mapping));
  return `/api/import/${state.layer}?${p}`;
}

async function start() {
  clearError();
  const form = new FormData(document.getElementById('importForm'));
  const file = document.getElementById('importFile').files[0];
  if (!file) return;
  const layer = form.get('layer');
  // The layer's properties, from its OGC queryables: what a column may be read as.
  const queryables = await getJson(`/ogc/collections/${layer}/queryables`);
  state = { layer, file, crs: form.get('crs'), mode: form.get('mode'), mapping: {}, fields: Object.keys(queryables.properties ?? {}).filter(f => f !== 'geometry') };
  await check();
}

async function check() {
  document.getElementById('importConfirm').hidden = true;
  let answer, problem = null;
  try {
    answer = await uploadFile(query(true), state.file, { quiet: true });
  } catch (e) {
    if (!e.problem) throw e;
    problem = e.problem;
    answer = e.problem;
  }
  renderColumns(answer.columns ?? []);
  renderPreview(answer.columns ?? [], answer.preview ?? []);
  const result = document.getElementById('importResult');
  if (problem) {
    fill(result, ...problemView(problem, 'importErrors'));
    return;
  }
  fill(result, el('p', { className: 'ok' }, t('import.checked', { inserted: fmt(answer.inserted), removed: fmt(answer.removed) })),
    answer.ignoredFields?.length ? el('p', { className: 'hint' }, t('import.ignored', { fields: answer.ignoredFields.join('、') })) : null);
  document.getElementById('importConfirm').hidden = false;
}

/** Each column and what it is read as; a select corrects it, and the file is checked again at once. */
function renderColumns(columns) {
  // A property by its label in the page's language, with the name the service uses beside it.
  const label = f => (t(`field.${f}`) === `field.${f}` ? f : `${t(`field.${f}`)} (${f})`);
  const options = [['', t('import.skip')], ...state.fields.map(f => [f, label(f)]), ['lon', t('import.lon')], ['lat', t('import.lat')]];
  const mappedTo = Object.fromEntries(Object.entries(state.mapping).map(([from, to]) => [to, from]));
  fill(document.getElementById('importColumns'), el('table', { id: 'importColumnTable' },
    el('thead', {}, el('tr', {}, el('th', {}, t('import.column')), el('th', {}, t('import.readAs')))),
    el('tbody', {}, columns.map(c => {
      // After a mapping the service reports the column by its new name: show the planner's own header.
      const header = mappedTo[c.header] ?? c.header;
      const current = c.field === 'geometry' ? (state.mapping[header] ?? guessAxis(header)) : (c.field ?? '');
      const select = el('select', { dataset: { header }, onchange: e => remap(header, e.target.value) },
        options.map(([v, label]) => el('option', { value: v }, label)));
      select.value = current;
      return el('tr', { className: c.field ? 'read' : 'ignored' }, el('td', {}, header), el('td', {}, select));
    }))));
}

function guessAxis(header) {
  const h = header.toLowerCase();
  return ['lat', 'latitude', 'y', '纬度', 'northing'].includes(h) ? 'lat' : 'lon';
}

function remap(header, field) {
  if (field) state.mapping[header] = field; else delete state.mapping[header];
  check().catch(() => {});
}

function renderPreview(columns, rows) {
  const headers = columns.map(c => c.header);
  fill(document.getElementById('importPreview'), rows.length ? el('table', { id: 'importPreviewTable' },
    el('thead', {}, el('tr', {}, el('th', {}, t('volume.row')), headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, el('td', {}, r.index),
      headers.map(h => el('td', {}, r.properties[h] == null ? '' : typeof r.properties[h] === 'object' ? JSON.stringify(r.properties[h]) : String(r.properties[h]))))))) : null);
}

async function confirm() {
  const answer = await uploadFile(query(false), state.file);
  document.getElementById('importConfirm').hidden = true;
  fill(document.getElementById('importResult'), el('p', { className: 'ok' }, t('import.saved', { inserted: fmt(answer.inserted), removed: fmt(answer.removed) })));
  await loadLayers();
}

