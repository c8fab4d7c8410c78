import { postJson } from './api.js';
import { t, fmt, pick, reasonOf } from './i18n.js';
import { el, fill } from './dom.js';
import { pickPoint, pickCrs } from './map.js';
import { getJson } from './api.js';
import { profile } from './profile.js';

/* The applicant's form: any number of new fixed outlets (each placed on the map, so the answer gives its coverage gain
   and yuan per newly covered household) and mobile stations. Every error the service names is shown under its field. */

let nextFixed = 1, nextMobile = 1;
// The mobile-station guideline the city's rule names (Jinan: 济商务字〔2020〕63号), from the rule's own condition.
let guidelineText = '';
let policyId = '';

function field(label, input, path) {
  return el('label', { dataset: { field: path } }, el('span', {}, label), ' ', input, el('span', { className: 'field-error' }));
}

function addFixed(values = {}) {
  const id = `F${nextFixed++}`;
  const where = el('span', { className: 'where' }, t('subsidy.noLocation'));
  const row = el('div', { className: 'subsidy-row fixed', dataset: { id } },
    el('b', {}, id), ' ',
    field(t('subsidy.area'), el('input', { name: 'areaM2', type: 'number', step: 'any', value: values.areaM2 ?? '' }), 'areaM2'),
    field(t('subsidy.builtOn'), el('input', { name: 'builtOn', type: 'date', value: values.builtOn ?? '' }), 'builtOn'),
    el('label', {}, el('input', { name: 'direct', type: 'checkbox' }), ' ', t('subsidy.direct')),
    ' ', where, ' ',
    el('button', { type: 'button', className: 'pick', onclick: () => place(row, where) }, t('subsidy.pick')), ' ',
    el('button', { type: 'button', className: 'remove', onclick: () => row.remove() }, t('subsidy.remove')));
  row.querySelector("input[name='direct']").checked = values.direct ?? true;
  document.getElementById('fixedRows').append(row);
  return row;
}

function addMobile(values = {}) {
  const id = `M${nextMobile++}`;
  const row = el('div', { className: 'subsidy-row mobile', dataset: { id } },
    el('b', {}, id), ' ',
    field(t('subsidy.communities'), el('input', { name: 'communitiesServed', type: 'number', value: values.communitiesServed ?? '' }), 'communitiesServed'),
    field(t('subsidy.months'), el('input', { name: 'operatingMonths', type: 'number', value: values.operatingMonths ?? '' }), 'operatingMonths'),
    field(t('subsidy.investment'), el('input', { name: 'investmentYuan', type: 'number', step: 'any', value: values.investmentYuan ?? '' }), 'investmentYuan'),
    el('label', {}, el('input', { name: 'guideline', type: 'checkbox' }), ' ', guidelineText), ' ',
    el('button', { type: 'button', className: 'remove', onclick: () => row.remove() }, t('subsidy.remove')));
  row.querySelector("input[name='guideline']").checked = values.guideline ?? true;
  document.getElementById('mobileRows').append(row);
  return row;
}

/** The outlet's place, clicked on the map (the map tab shows while the planner picks). */
async function place(row, where) {
  document.querySelector("#tabs button[data-tab='map']").click();
  const p = await pickPoint();
  row.dataset.lon = String(p.lon);
  row.dataset.lat = String(p.lat);
  where.textContent = `${p.lon.toFixed(5)}, ${p.lat.toFixed(5)}`;
  document.querySelector("#tabs button[data-tab='subsidy']").click();
}

function request(form) {
  const f = new FormData(form);
  const num = name => f.get(name) === '' ? null : Number(f.get(name));
  const value = (row, name) => { const v = row.querySelector(`[name='${name}']`).value; return v === '' ? null : Number(v); };
  return {
    // No policy member: the service applies the page's city's own, and refuses another city's.
    crs: pickCrs(),
    applicationWindow: { from: f.get('from'), to: f.get('to') },
    applicant: {
      name: f.get('name'), mofcomRegistered: f.get('mofcom') === 'on', directOutletCount: num('directOutletCount'),
      smallestDirectOutletAreaM2: num('smallestDirectOutletAreaM2'), boxTrucks: num('boxTrucks'),
    },
    fixedOutlets: [...document.querySelectorAll('#fixedRows .subsidy-row')].map(row => ({
      id: row.dataset.id, areaM2: value(row, 'areaM2'), builtOn: row.querySelector("[name='builtOn']").value || null,
      directlyOperated: row.querySelector("[name='direct']").checked,
      ...(row.dataset.lon ? { location: { lon: Number(row.dataset.lon), lat: Number(row.dataset.lat) } } : {}),
    })),
    mobileStations: [...document.querySelectorAll('#mobileRows .subsidy-row')].map(row => ({
      id: row.dataset.id, communitiesServed: value(row, 'communitiesServed'), operatingMonths: value(row, 'operatingMonths'),
      meetsGuideline: row.querySelector("[name='guideline']").checked, investmentYuan: value(row, 'investmentYuan'),
    })),
    facilities: f.get('facilityKind') ? [{ id: 'C1', kind: f.get('facilityKind'), recognizedOn: f.get('recognizedOn') }] : [],
  };
}

/** The errors of a refused request, each under the input it names (fixedOutlets[1].areaM2 → the second fixed row's area). */
function showFieldErrors(problem) {
  for (const e of document.querySelectorAll('#subsidyForm .field-error')) e.textContent = '';
  for (const e of problem?.errors ?? []) {
    const m = /^(fixedOutlets|mobileStations)\[(\d+)\]\.(\w+)/.exec(e.field ?? '');
    if (!m) continue;
    const row = document.querySelectorAll(m[1] === 'fixedOutlets' ? '#fixedRows .subsidy-row' : '#mobileRows .subsidy-row')[Number(m[2])];
    const box = row?.querySelector(`[data-field='${m[3]}'] .field-error`);
    if (box) box.textContent = reasonOf(e);
  }
}

/**
 * The form as the city's rules make it: the guideline the mobile-station rule names, the facility kinds it rewards;
 * a city whose policy sets no subsidy is told so and gets no form (never another city's rules).
 */
async function fitToCity(form) {
  const p = await profile();
  policyId = p.policy.id;
  const note = document.getElementById('subsidyPolicy');
  if (!p.subsidy.rules) {
    form.hidden = true;
    note.className = 'notice';
    note.textContent = t('subsidy.noRules', { city: pick(p.city.name, p.city.nameEn), policy: p.policy.documentNumber });
    document.getElementById('subsidy-panel').dataset.rules = 'none';
    return false;
  }
  // An example applicant of the city's own, named as one (the form is an example until the applicant types).
  form.elements.name.value = t('subsidy.exampleName', { city: pick(p.city.name, p.city.nameEn) });
  const rules = await getJson(p.subsidy.href);
  note.textContent = t('subsidy.under', { city: pick(p.city.name, p.city.nameEn), document: p.subsidy.document ?? p.policy.title });
  const guideline = rules.rules.flatMap(r => r.conditions).find(c => c.subject === 'item.meetsGuideline');
  guidelineText = guideline ? pick(guideline.textZh, guideline.textEn) : t('subsidy.guidelineNone');
  const kinds = rules.rules.filter(r => r.facilityKind);
  fill(form.querySelector("select[name='facilityKind']"), el('option', { value: '' }, t('subsidy.none')),
    kinds.map(r => el('option', { value: r.facilityKind }, pick(r.labelZh, r.labelEn))));
  form.querySelector("[name='facilityKind']").closest('fieldset').hidden = kinds.length === 0;
  document.getElementById('subsidy-panel').dataset.rules = p.policy.id;
  return true;
}

export async function initSubsidy() {
  const form = document.getElementById('subsidyForm');
  if (!await fitToCity(form)) return;
  addFixed({ areaM2: 35, builtOn: '2024-08-01', direct: true });
  addMobile({ communitiesServed: 25, operatingMonths: 14, investmentYuan: 300000, guideline: true });
  document.getElementById('addFixed').addEventListener('click', () => addFixed({ builtOn: '2024-08-01' }));
  document.getElementById('addMobile').addEventListener('click', () => addMobile());
  form.addEventListener('submit', async e => {
    e.preventDefault();
    let r;
    try { r = await postJson('/api/subsidies/estimate', request(form)); } catch (err) { showFieldErrors(err.problem); return; }
    showFieldErrors(null);
    const out = document.getElementById('subsidyResult');
    fill(out,
      el('p', { className: 'total' }, t('subsidy.total', { total: fmt(r.totalYuan, 2), outlets: fmt(r.outletSubsidyYuan, 2), facilities: fmt(r.facilityRewardUpToYuan, 2) })),
      r.items.map(i => el('div', { className: `item ${i.eligible ? 'ok' : 'no'}`, dataset: { id: i.id } },
        el('h3', {}, `${i.id} · ${pick(i.rule.labelZh, i.rule.labelEn)} — ${i.eligible ? t('eligible') : t('ineligible')}: `,
          el('span', { className: 'amount' }, fmt(i.amountYuan, 2))),
        el('p', {}, pick(i.calculation.zh, i.calculation.en)),
        i.reasons.map(x => el('p', { className: 'reason' }, `✗ ${pick(x.reasonZh, x.reason)} → ${pick(x.remedyZh, x.remedy)}`)),
        i.coverageGain ? el('p', { className: 'gain' }, t('subsidy.gain', {
          households: fmt(i.coverageGain.newlyCoveredHouseholds),
          perHousehold: i.coverageGain.yuanPerNewlyCoveredHousehold == null ? '—' : fmt(i.coverageGain.yuanPerNewlyCoveredHousehold, 1),
        })) : null,
        el('p', { className: 'cite' }, `${t('citation')}: ${i.citation.section} ${i.citation.item} — “${i.citation.quote}”`))));
  });
  document.getElementById('subsidyXlsx').addEventListener('click', async () => {
    let blob;
    try { blob = await postJson('/api/subsidies/estimate', request(form), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'); } catch { return; }
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: `subsidy-estimate-${policyId}.xlsx` });
    a.click();
    URL.revokeObjectURL(a.href);
  });
}
