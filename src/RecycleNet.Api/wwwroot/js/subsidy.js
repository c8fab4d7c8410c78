import { postJson } from './api.js';
import { t, fmt, pick } from './i18n.js';
import { el, fill } from './dom.js';

function request(form) {
  const f = new FormData(form);
  const num = name => f.get(name) === '' ? null : Number(f.get(name));
  return {
    policy: 'jinan-2024',
    applicationWindow: { from: f.get('from'), to: f.get('to') },
    applicant: {
      name: f.get('name'), mofcomRegistered: f.get('mofcom') === 'on', directOutletCount: num('directOutletCount'),
      smallestDirectOutletAreaM2: num('smallestDirectOutletAreaM2'), boxTrucks: num('boxTrucks'),
    },
    fixedOutlets: [{ id: 'F1', areaM2: num('areaM2'), builtOn: f.get('builtOn'), directlyOperated: f.get('direct') === 'on' }],
    mobileStations: [{ id: 'M1', communitiesServed: num('communitiesServed'), operatingMonths: num('operatingMonths'),
      meetsGuideline: f.get('guideline') === 'on', investmentYuan: num('investmentYuan') }],
    facilities: f.get('facilityKind') ? [{ id: 'C1', kind: f.get('facilityKind'), recognizedOn: f.get('recognizedOn') }] : [],
  };
}

export function initSubsidy() {
  const form = document.getElementById('subsidyForm');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    let r;
    try { r = await postJson('/api/subsidies/estimate', request(form)); } catch { return; }
    const out = document.getElementById('subsidyResult');
    fill(out,
      el('p', { className: 'total' }, t('subsidy.total', { total: fmt(r.totalYuan, 2), outlets: fmt(r.outletSubsidyYuan, 2), facilities: fmt(r.facilityRewardUpToYuan, 2) })),
      r.items.map(i => el('div', { className: `item ${i.eligible ? 'ok' : 'no'}`, dataset: { id: i.id } },
        el('h3', {}, `${i.id} · ${pick(i.rule.labelZh, i.rule.labelEn)} — ${i.eligible ? t('eligible') : t('ineligible')}: `,
          el('span', { className: 'amount' }, fmt(i.amountYuan, 2))),
        el('p', {}, pick(i.calculation.zh, i.calculation.en)),
        i.reasons.map(x => el('p', { className: 'reason' }, `✗ ${pick(x.reasonZh, x.reason)} → ${pick(x.remedyZh, x.remedy)}`)),
        el('p', { className: 'cite' }, `${t('citation')}: ${i.citation.section} ${i.citation.item} — “${i.citation.quote}”`))));
  });
  document.getElementById('subsidyXlsx').addEventListener('click', async () => {
    let blob;
    try { blob = await postJson('/api/subsidies/estimate', request(form), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'); } catch { return; }
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: 'subsidy-estimate-jinan-2024.xlsx' });
    a.click();
    URL.revokeObjectURL(a.href);
  });
}
