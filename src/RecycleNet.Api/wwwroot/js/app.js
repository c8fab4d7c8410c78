import { apply, setLanguage, language, t } from './i18n.js';
import { clearError, getJson, tryJson, city } from './api.js';
import { el, fill } from './dom.js';
import { initMap, startPlacing, startMoving, saveWhatIf, resetWhatIf, loadLayers, whatIfChanges } from './map.js';
import { loadScorecard } from './scorecard.js';
import { loadGaps } from './gaps.js';
import { initSiting } from './siting.js';
import { initSubsidy } from './subsidy.js';
import { initVolumes, loadVolumes } from './volumes.js';
import { initPlans, loadPlans, saveAsPlan } from './plans.js';
import { initImporter } from './importer.js';

const loaded = {};
const loaders = { scorecard: loadScorecard, gaps: loadGaps, volumes: loadVolumes, plans: loadPlans };

function show(tab) {
  clearError();
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === tab);
  for (const p of document.querySelectorAll('.panel')) p.hidden = p.id !== `${tab}-panel`;
  if (tab === 'plans') delete loaded.plans; // plans are made from other tabs (what-if, siting): always the current list
  if (loaders[tab] && !loaded[tab]) { loaded[tab] = true; loaders[tab]().catch(() => { loaded[tab] = false; }); }
  if (tab === 'map') window.dispatchEvent(new Event('resize'));
}

document.getElementById('plannerKey').value = sessionStorage.getItem('plannerKey') ?? '';
document.getElementById('plannerKey').addEventListener('change', e => { sessionStorage.setItem('plannerKey', e.target.value); showWho(); });

/** Whose key the page holds and whether it writes here (GET /api/me), beside the key field: a viewer learns before a write. */
async function showWho() {
  const who = document.getElementById('keyWho');
  const key = document.getElementById('plannerKey').value.trim();
  // The write controls change only once the answer is in, so the tabs do not shift under a click meanwhile.
  const me = key ? await tryJson('/api/me') : null;
  if (me && !me.writes) document.body.dataset.readonly = ''; else delete document.body.dataset.readonly;
  if (!key) { fill(who); return; }
  if (!me) { fill(who, el('span', { class: 'bad' }, t('key.invalid'))); return; }
  const role = language() === 'zh' ? me.roleZh : me.role;
  fill(who, el('span', { class: me.writes ? 'ok' : 'readonly', title: (language() === 'zh' ? me.writeRefusalZh : me.writeRefusal) ?? '' },
    `${me.name} · ${role}${me.writes ? '' : ` · ${t('key.readonly')}`}`));
}
showWho().catch(() => {});
for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => show(b.dataset.tab));
document.getElementById('lang').addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  for (const k of Object.keys(loaded)) delete loaded[k]; // re-render texts and numbers in the new language
  const active = document.querySelector('#tabs button.active').dataset.tab;
  show(active);
  loadLayers().catch(() => {});
});
document.getElementById('whatifAdd').addEventListener('click', startPlacing);
document.getElementById('whatifReset').addEventListener('click', resetWhatIf);
document.getElementById('whatifMove').addEventListener('click', startMoving);
document.getElementById('whatifSave').addEventListener('click', () => saveWhatIf().catch(() => {}));
document.getElementById('whatifPlan').addEventListener('click', () => {
  const { crs, changes } = whatIfChanges();
  saveAsPlan(changes, crs).catch(() => {});
});
// The city switch: each city is the same page over its own data (/cities/{city}/…); switching reloads the page for it.
const citySelect = document.getElementById('city');
citySelect.addEventListener('change', () => {
  // From the service's root, so a /cities/{city}/ address and the new ?city= never disagree.
  location.href = `/?city=${encodeURIComponent(citySelect.value)}`;
});
getJson('/api/cities').then(list => {
  const current = city ?? list.find(c => c.default)?.id;
  fill(citySelect, list.map(c => el('option', { value: c.id }, `${c.name} ${c.nameEn}`)));
  citySelect.value = current;
  document.body.dataset.city = current;
}).catch(() => {});
apply();
setLanguage(language());
initSiting();
initSubsidy();
initVolumes();
initPlans();
initImporter();
initMap().then(() => document.body.dataset.ready = 'true').catch(err => { console.error(err); document.body.dataset.ready = 'error'; });
export { show };
