import { cityUrl, clearError, tryJson } from './api.js';
import { t, fmt, reasonOf, titleOf, detailOf } from './i18n.js';
import { el, fill } from './dom.js';
import { loadLayers } from './map.js';

/* Attribute editing: an outlet's or sorting centre's properties in a side panel, saved with the planner key and the
   version it was read at (If-Match). A save over someone else's change is refused by the service; the panel says who
   changed it and offers the current copy. Every error the service names is shown under its field. */

const choices = {
  kind: ['fixed', 'mobile'], status: ['planned', 'operating', 'closed'],
  tier: { outlets: ['community', 'village'], 'sorting-centers': ['city', 'county'] },
};
// Lists (served communities and villages) and provenance are not edited here: they are kept as read.
const skipped = new Set(['servedCommunities', 'servedVillages', 'source', 'township', 'townshipId']);

let editing = null; // { layer, id, etag, feature }

function key() { return document.getElementById('plannerKey').value.trim(); }

export async function openEditor(layer, id) {
  clearError();
  const r = await fetch(cityUrl(`/api/${layer}/${id}`), { headers: { Accept: 'application/geo+json' } });
  if (!r.ok) return;
  show(layer, id, r.headers.get('ETag'), await r.json());
}

function show(layer, id, etag, feature, note = null) {
  editing = { layer, id, etag, feature };
  const panel = document.getElementById('editPanel');
  panel.hidden = false;
  const fields = Object.entries(feature.properties).filter(([k]) => !skipped.has(k)).map(([k, v]) => {
    const options = k === 'tier' ? choices.tier[layer] : choices[k];
    const input = options
      ? el('select', { name: k }, options.map(o => el('option', { value: o }, t(`value.${o}`))))
      : typeof v === 'boolean' ? el('input', { type: 'checkbox', name: k })
        : el('input', { name: k, type: typeof v === 'number' || k.endsWith('M2') || k.startsWith('capacity') ? 'number' : k.endsWith('On') ? 'date' : 'text', step: 'any' });
    if (input.type === 'checkbox') input.checked = Boolean(v); else input.value = v ?? '';
    return el('label', { className: 'edit-field', dataset: { field: k } }, el('span', {}, t(`field.${k}`)), input, el('span', { className: 'field-error' }));
  });
  const subsidy = el('p', { id: 'editSubsidy', className: 'hint' });
  fill(panel, el('h3', {}, `${t(layer === 'outlets' ? 'layer.outlets' : 'layer.centers')} #${id}`),
    note, subsidy, el('form', { id: 'editForm', onsubmit: e => { e.preventDefault(); save().catch(() => {}); } }, fields,
      el('button', { type: 'submit' }, t('edit.save')), ' ', el('button', { type: 'button', onclick: close }, t('edit.close'))),
    el('p', { id: 'editResult' }));
  // What a fixed outlet of this area earns under the city's rule: a planner sees an area change's cost at once.
  if (layer === 'outlets' && feature.properties.kind === 'fixed' && feature.properties.areaM2 != null) {
    tryJson(`/api/subsidies/fixed-outlet?areaM2=${encodeURIComponent(feature.properties.areaM2)}`).then(a => {
      if (a) subsidy.textContent = t('edit.subsidy', { area: fmt(a.areaM2, 1), yuan: fmt(a.amountYuan), rule: a.ruleLabelZh });
    });
  }
}

function close() { document.getElementById('editPanel').hidden = true; editing = null; }

async function save() {
  const { layer, id, etag, feature } = editing;
  const result = document.getElementById('editResult');
  for (const e of document.querySelectorAll('#editForm .field-error')) e.textContent = '';
  if (!key()) { result.textContent = t('edit.needKey'); return; }
  const properties = { ...feature.properties };
  for (const input of document.querySelectorAll('#editForm [name]')) {
    const v = input.type === 'checkbox' ? input.checked : input.value.trim();
    properties[input.name] = input.type === 'number' ? (v === '' ? null : Number(v)) : v === '' ? null : v;
  }
  const body = JSON.stringify({ type: 'Feature', geometry: feature.geometry, properties });
  const r = await fetch(cityUrl(`/api/${layer}/${id}`), {
    method: 'PUT', body, headers: { 'Content-Type': 'application/geo+json', 'If-Match': etag, Authorization: `Bearer ${key()}` },
  });
  const answer = await r.json();
  if (r.ok) {
    show(layer, id, r.headers.get('ETag'), answer, el('p', { className: 'ok', id: 'editSaved' }, t('edit.saved', { version: answer.version })));
    await loadLayers();
    return;
  }
  if (r.status === 412) {
    // Someone else saved first: nothing of this save was written. Say who, and offer their copy to edit again.
    fill(result, el('span', { className: 'error' }, t('edit.conflict', { by: answer.changedBy ?? '?', at: (answer.changedAt ?? '').slice(0, 16).replace('T', ' '), version: answer.currentVersion })),
      ' ', el('button', { type: 'button', id: 'editReload', onclick: () => show(layer, id, `"${answer.currentVersion}"`, answer.current) }, t('edit.reload')));
    return;
  }
  const errors = answer.errors ?? [];
  for (const e of errors) {
    const box = document.querySelector(`#editForm .edit-field[data-field="${CSS.escape(e.field ?? '')}"] .field-error`);
    if (box) box.textContent = reasonOf(e); else result.append(el('span', { className: 'error' }, `${e.field ?? ''} ${reasonOf(e)}`), el('br'));
  }
  if (!errors.length) result.textContent = [titleOf(answer), detailOf(answer)].filter(Boolean).join(' — ');
}
