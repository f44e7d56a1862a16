// TpoSim page: builds a scenario document from the form, posts it to the API and draws what the API returns.
// Every number shown comes from the API (the library), so the page and `tposim simulate` agree.
'use strict';

const $ = id => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
};
const fmt = (v, digits = 3) => v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toPrecision(digits).replace(/\.?0+$/, '').replace(/\.?0+e/, 'e');
const pct = v => v === null || v === undefined ? '–' : (100 * v).toFixed(1) + ' %';
const COLORS = ['#b42318', '#1f5fa8', '#067647'];
const REFERENCE_LINES = [20, 50, 150, 450];

// State the tests can read.
const state = { catalog: {}, last: null, lastDoc: null, compare: [], job: null };
window.tposim = state;

async function api(method, path, body, contentType = 'application/json') {
  const init = { method, headers: {} };
  if (body !== undefined) { init.body = typeof body === 'string' ? body : JSON.stringify(body); init.headers['Content-Type'] = contentType; }
  const response = await fetch(path, init);
  const text = await response.text();
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') && text ? JSON.parse(text) : text;
  if (!response.ok) { const err = new Error(`${response.status}`); err.status = response.status; err.body = data; throw err; }
  return data;
}

function showErrors(box, err) {
  box.hidden = false;
  if (err && err.body && err.body.errors) box.textContent = err.body.errors.map(e => `${e.path}: ${e.message}`).join('\n');
  else box.textContent = String(err && err.message || err);
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function table(target, headers, rows) {
  target.replaceChildren();
  if (headers) target.append(el('tr', {}, ...headers.map(h => el('th', { text: h }))));
  for (const r of rows) target.append(el('tr', {}, ...r.map(c => typeof c === 'object' && c !== null && c.num !== undefined
    ? el('td', { class: 'num', text: c.num }) : el('td', { text: c ?? '' }))));
}

// ───────────── tabs and address ─────────────
const b64url = {
  encode: text => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  decode: s => new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0))),
};

// Everything the page shows is on its address (issue 17), so a copied address reopens it: s = the scenario run last,
// tab = the tab shown, c = the compared scenarios (each run again on opening), ip = the (platelets, TPO, unit[, assay
// normal]) pair read last. Scenarios are base64url JSON; the order is fixed, the scenario first.
const ADDRESS_KEYS = ['s', 'tab', 'c', 'ip'];
const address = {};
function readAddress() {
  const q = new URLSearchParams(location.hash.slice(1));
  for (const k of ADDRESS_KEYS) if (q.get(k)) address[k] = q.get(k);
}
function addressText(over = {}) {
  const a = { ...address, ...over };
  return '#' + ADDRESS_KEYS.filter(k => a[k]).map(k => `${k}=${encodeURIComponent(a[k])}`).join('&');
}
function setAddress(key, value) {
  if (value) address[key] = value; else delete address[key];
  history.replaceState(null, '', addressText());
}
function shareLink(doc) { return `${location.origin}${location.pathname}${addressText({ s: b64url.encode(JSON.stringify(doc)) })}`; }

function showTab(name) {
  document.querySelectorAll('#tabs button').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach(t => t.classList.toggle('active', t.id === 'tab-' + name));
  setAddress('tab', name === 'simulate' ? null : name);
  window.dispatchEvent(new Event('resize'));
}
document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => showTab(b.dataset.tab)));

// ───────────── the scenario form ─────────────
const EVENT_FIELDS = {
  plateletTransfusion: [['units', 2]],
  bleeding: [['bloodLossPercent', 20]],
  splenectomy: [],
  liverTransplant: [],
  partialHepatectomy: [['fractionResected', 0.5]],
  chemotherapy: [['regimen', 'carboplatin', ['carboplatin', 'gentle']], ['cycles', 1], ['everyDays', 21]],
  radiation: [['doseGy', 2]],
  setParameter: [['parameter', 'extraRemovalRate'], ['value', 0.4]],
};
const UNITS = [['ug/kg', 'µg/kg'], ['ug', 'µg'], ['mg', 'mg']];

function field(label, input) { return el('label', {}, label, input); }
function numberInput(name, value, step = 'any') { return el('input', { type: 'number', step, 'data-field': name, value: value ?? '' }); }
function select(name, options, value) {
  const s = el('select', { 'data-field': name });
  for (const o of options) { const [v, t] = Array.isArray(o) ? o : [o, o]; s.append(el('option', { value: v, text: t })); }
  if (value !== undefined) s.value = value;
  return s;
}
function removeButton(row) { const b = el('button', { type: 'button', class: 'remove', text: 'remove' }); b.onclick = () => { row.remove(); updatePk(); }; return b; }

function addDose(d = {}) {
  const drugs = state.catalog.drugs || [];
  const drug = d.drug || 'romiplostim';
  const row = el('div', { class: 'row dose-row' });
  const drugSelect = select('drug', drugs.map(x => x.name), drug);
  const route = select('route', (drugs.find(x => x.name === drug) || { routes: ['sc'] }).routes, d.route);
  drugSelect.onchange = () => {
    const routes = (drugs.find(x => x.name === drugSelect.value) || { routes: [] }).routes;
    route.replaceChildren(...routes.map(r => el('option', { value: r, text: r })));
    updatePk();
  };
  row.append(field('drug', drugSelect), field('route', route), field('amount', numberInput('amount', d.amount ?? 1)),
    field('unit', select('unit', UNITS, d.unit || 'ug/kg')), field('day', numberInput('day', d.day ?? 0)),
    field('every (days)', numberInput('everyDays', d.everyDays)), field('count', numberInput('count', d.count, 1)), removeButton(row));
  row.extra = Object.fromEntries(Object.entries(d).filter(([k]) => !['drug', 'route', 'amount', 'unit', 'day', 'everyDays', 'count'].includes(k)));
  $('doses').append(row);
  updatePk();
  return row;
}

function addEvent(e = {}) {
  const type = e.type || 'plateletTransfusion';
  const row = el('div', { class: 'row event-row' });
  const typeSelect = select('type', Object.keys(EVENT_FIELDS), type);
  const fields = el('div', { style: 'display:contents' });
  const fill = (values) => {
    fields.replaceChildren();
    for (const [name, def, options] of EVENT_FIELDS[typeSelect.value]) {
      const v = values[name] ?? def;
      fields.append(field(name, options ? select(name, options, v) : (typeof def === 'string'
        ? el('input', { 'data-field': name, value: v }) : numberInput(name, v))));
    }
  };
  typeSelect.onchange = () => { row.extra = {}; fill({}); };
  row.append(field('type', typeSelect), field('day', numberInput('day', e.day ?? 5)), fields, removeButton(row));
  fill(e);
  const known = new Set(['type', 'day', ...EVENT_FIELDS[type].map(f => f[0])]);
  row.extra = Object.fromEntries(Object.entries(e).filter(([k]) => !known.has(k)));
  $('events').append(row);
  return row;
}

function rowValues(row) {
  const out = {};
  row.querySelectorAll('[data-field]').forEach(input => {
    const v = input.value;
    if (v === '') return;
    out[input.dataset.field] = input.type === 'number' ? Number(v) : v;
  });
  return { ...row.extra, ...out };
}

function updatePk() {
  const used = new Set([...document.querySelectorAll('.dose-row [data-field=drug]')].map(s => s.value));
  const box = $('pk-variants');
  const previous = Object.fromEntries([...box.querySelectorAll('select')].map(s => [s.dataset.drug, s.value]));
  box.replaceChildren();
  for (const d of state.catalog.drugs || []) {
    if (!used.has(d.name) || d.pkVariants.length < 2) continue;
    const s = el('select', { id: 'pk-' + d.name, 'data-drug': d.name });
    d.pkVariants.forEach(v => s.append(el('option', { value: v, text: v })));
    if (previous[d.name]) s.value = previous[d.name];
    box.append(field(`${d.name} PK model`, s));
  }
}

function conditionOptions(name, values = {}) {
  const c = (state.catalog.conditions || []).find(x => x.name === name);
  const box = $('condition-options');
  box.replaceChildren();
  $('severity-row').hidden = name === 'healthy';
  for (const o of (c && c.options) || []) {
    const input = o.isFlag ? el('input', { type: 'checkbox', 'data-option': o.name, 'data-flag': '1' })
      : el('input', { type: 'number', step: 'any', min: o.minimum, max: o.maximum, 'data-option': o.name, placeholder: String(o.default) });
    const v = values[o.name];
    if (o.isFlag) input.checked = v === true || v === 1; else if (v !== undefined) input.value = v;
    box.append(el('label', { class: o.isFlag ? 'check' : '', title: o.description }, o.isFlag ? input : o.name + ' ', o.isFlag ? ' ' + o.name : input));
  }
  if (name === 'chronicLiverDisease') {
    const s = el('select', { 'data-option': 'childPugh' }, el('option', { value: '', text: '—' }), ...['A', 'B', 'C'].map(g => el('option', { value: g, text: g })));
    if (values.childPugh) s.value = values.childPugh;
    box.append(field('Child-Pugh class ', s));
  }
}

function titrationFields(policy) {
  $('titration-fields').hidden = !policy;
  $('titration-custom').hidden = policy !== 'custom';
}

// The document the form describes. Parts the form does not show (parameter overrides, extra fields) are kept from the loaded document.
function scenarioFromForm() {
  const base = state.baseDoc || {};
  const doc = { name: $('name').value || 'Scenario' };
  if (base.description) doc.description = base.description;
  const patient = { ...(base.patient || {}) };
  delete patient.condition; delete patient.conditions;
  patient.weightKg = Number($('weight').value);
  patient.sex = $('sex').value;
  patient.ageGroup = $('ageGroup').value;
  if ($('eastAsian').checked) patient.eastAsian = true; else delete patient.eastAsian;
  const condition = $('condition').value;
  if (condition && condition !== 'healthy') {
    const c = { name: condition, severity: Number($('severity-number').value) };
    document.querySelectorAll('#condition-options [data-option]').forEach(i => {
      if (i.dataset.flag) { if (i.checked) c[i.dataset.option] = true; }
      else if (i.value !== '') c[i.dataset.option] = i.tagName === 'SELECT' ? i.value : Number(i.value);
    });
    patient.condition = c;
  }
  doc.patient = patient;
  doc.simulation = { ...(base.simulation || {}), days: Number($('days').value), outputEveryDays: Number($('outputEvery').value) };
  const doses = [...document.querySelectorAll('.dose-row')].map(rowValues);
  if (doses.length) doc.doses = doses;
  const events = [...document.querySelectorAll('.event-row')].map(rowValues);
  if (events.length) doc.events = events;
  const policy = $('titration-policy').value;
  if (policy) {
    const t = { ...(base.titration && base.titration.policy === policy ? base.titration : {}), policy };
    const fieldsOf = ['startDose', 'weeks', 'checkEveryDays', 'assayCv', ...(policy === 'custom' ? ['low', 'high', 'hold', 'resume', 'step', 'maxDose'] : [])];
    for (const f of fieldsOf) { const v = $('titration-' + f).value; if (v !== '') t[f] = Number(v); else delete t[f]; }
    if (t.assayCv === 0) delete t.assayCv;
    if (t.weeks !== undefined) delete t.days;
    doc.titration = t;
  }
  const pk = { ...(base.pk || {}) };
  document.querySelectorAll('#pk-variants select').forEach(s => { pk[s.dataset.drug] = s.value; });
  if (Object.keys(pk).length) doc.pk = pk;
  const seed = Number($('seed').value);
  if (seed !== 1 || base.seed !== undefined) doc.seed = seed;
  return doc;
}

function scenarioToForm(doc) {
  state.baseDoc = JSON.parse(JSON.stringify(doc));
  delete state.baseDoc.$schema;
  const p = doc.patient || {};
  $('name').value = doc.name || 'Scenario';
  $('weight').value = p.weightKg ?? 70;
  $('sex').value = p.sex || 'female';
  $('ageGroup').value = p.ageGroup || 'adult';
  $('eastAsian').checked = !!p.eastAsian;
  const c = p.condition || (p.conditions && p.conditions[0]) || { name: 'healthy' };
  $('condition').value = c.name;
  setSeverity(c.severity ?? 0.5);
  const options = { ...c }; delete options.name; delete options.severity;
  conditionOptions(c.name, options);
  const sim = doc.simulation || {};
  $('days').value = sim.days ?? 60;
  $('outputEvery').value = sim.outputEveryDays ?? 0.25;
  $('seed').value = doc.seed ?? 1;
  $('doses').replaceChildren(); (doc.doses || []).forEach(addDose);
  $('events').replaceChildren(); (doc.events || []).forEach(addEvent);
  const t = doc.titration;
  $('titration-policy').value = t ? t.policy : '';
  for (const f of ['startDose', 'weeks', 'checkEveryDays', 'assayCv', 'low', 'high', 'hold', 'resume', 'step', 'maxDose']) {
    const input = $('titration-' + f);
    input.value = t && t[f] !== undefined ? t[f] : (input.defaultValue || '');
  }
  titrationFields(t && t.policy);
  updatePk();
  for (const [drug, variant] of Object.entries(doc.pk || {})) { const s = $('pk-' + drug); if (s) s.value = variant; }
  $('scenario-json').value = JSON.stringify(scenarioFromForm(), null, 2);
}

function setSeverity(v) { $('severity').value = v; $('severity-number').value = v; }

// ───────────── simulate and draw ─────────────
async function run() {
  const doc = scenarioFromForm();
  $('scenario-json').value = JSON.stringify(doc, null, 2);
  $('errors').hidden = true; $('warnings').hidden = true;
  $('status').textContent = 'simulating …';
  const started = performance.now();
  try {
    const result = await api('POST', '/api/simulate', doc);
    state.last = result; state.lastDoc = doc;
    setAddress('s', b64url.encode(JSON.stringify(doc)));
    $('status').textContent = `${result.scenario}: ${result.days} days in ${Math.round(performance.now() - started)} ms` + (result.succeeded ? '' : ` — solver stopped: ${result.summary.diagnostic}`);
    if (result.warnings.length) { $('warnings').hidden = false; $('warnings').textContent = result.warnings.join('\n'); }
    ['to-compare', 'dl-csv', 'dl-json'].forEach(id => $(id).disabled = false);
    draw();
    renderSummary(result);
    sensitivityDefaults(result.days);
  } catch (err) {
    $('status').textContent = '';
    showErrors($('errors'), err);
  }
}

function markShapes(timeline, yref = 'paper') {
  return timeline.filter(t => t.kind !== 'dose').map(t => ({ type: 'line', xref: 'x', yref, x0: t.day, x1: t.day, y0: 0, y1: 1, line: { color: '#98a2b3', width: 1, dash: 'dot' } }));
}

function plateletAxis(log, domain, title = 'Platelets (×10⁹/L)') {
  return { title: { text: title }, type: log ? 'log' : 'linear', domain, rangemode: 'tozero', zeroline: false };
}

function draw() {
  const r = state.last;
  if (!r) return;
  const log = $('log-scale').checked;
  const tpoKey = $('tpo-unit').value;
  const tpoUnit = tpoKey === 'tpo_pM' ? 'pM' : 'pg/mL';
  const days = r.series.day;
  const hasDrugs = r.drugs.length > 0;
  const d = hasDrugs ? { p: [0.56, 1], t: [0.32, 0.52], c: [0.1, 0.27], k: [0, 0.06] } : { p: [0.46, 1], t: [0.12, 0.41], k: [0, 0.07] };
  const traces = [
    { name: 'Platelets (×10⁹/L)', x: days, y: r.series.platelets, yaxis: 'y', line: { color: COLORS[0], width: 2 } },
    { name: `Free TPO (${tpoUnit})`, x: days, y: r.series[tpoKey], yaxis: 'y2', line: { color: COLORS[1], width: 2 } },
  ];
  r.drugs.forEach((g, i) => traces.push({ name: `${g.drug} (${g.unit})`, x: days, y: g.values, yaxis: 'y3', line: { width: 1.5, color: ['#7a5af8', '#dc6803', '#0e9384'][i % 3] } }));
  if (r.doses.length) {
    traces.push({ name: 'doses', x: r.doses.map(x => x.day), y: r.doses.map(x => x.amount), yaxis: hasDrugs ? 'y4' : 'y3', mode: 'markers',
      marker: { symbol: 'triangle-up', size: 9, color: r.doses.map(x => x.titrated ? '#dc6803' : '#344054') },
      text: r.doses.map(x => `${x.drug} ${fmt(x.amount, 4)} ${x.unit}${x.route ? ' ' + x.route : ''}${x.titrated ? ' (titration)' : ''}`), hoverinfo: 'x+text' });
  }
  const events = r.timeline.filter(t => t.kind !== 'dose');
  if (events.length) traces.push({ name: 'events', x: events.map(e => e.day), y: events.map(() => Math.max(...r.series.platelets) * (log ? 1.5 : 1.04)),
    yaxis: 'y', mode: 'markers', marker: { symbol: 'diamond', size: 8, color: '#667085' }, text: events.map(e => e.label), hoverinfo: 'x+text' });
  const doseUnits = [...new Set(r.doses.map(x => x.unit))].join(', ');
  const layout = {
    // The legend goes under the day axis, leaving the space above the plot to the events' slanted labels.
    margin: { l: 70, r: 20, t: 60, b: 90 }, height: 620, hovermode: 'x unified', legend: { orientation: 'h', x: 0, y: -0.13, yanchor: 'top' },
    xaxis: { title: { text: 'Day' }, anchor: hasDrugs ? 'y4' : 'y3', domain: [0, 1] },
    yaxis: plateletAxis(log, d.p), yaxis2: { title: { text: `TPO (${tpoUnit})` }, type: log ? 'log' : 'linear', domain: d.t, rangemode: 'tozero' },
    shapes: [
      ...REFERENCE_LINES.map(v => ({ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: v, y1: v, line: { color: v === 150 || v === 450 ? '#12b76a' : '#f79009', width: 1, dash: 'dash' } })),
      ...markShapes(r.timeline),
    ],
    annotations: [
      ...REFERENCE_LINES.map(v => ({ xref: 'paper', yref: 'y', x: 1, y: log ? Math.log10(v) : v, text: String(v), showarrow: false, xanchor: 'right', yanchor: 'bottom', font: { size: 10, color: '#667085' } })),
      ...events.map(e => ({ xref: 'x', yref: 'paper', x: e.day, y: 1, text: e.label, showarrow: false, textangle: -30, xanchor: 'left', yanchor: 'bottom', font: { size: 9, color: '#475467' } })),
    ],
  };
  if (hasDrugs) {
    layout.yaxis3 = { title: { text: 'Drug (ng/mL)' }, domain: d.c, type: log ? 'log' : 'linear', rangemode: 'tozero' };
    layout.yaxis4 = { domain: d.k, rangemode: 'tozero', showgrid: false, showticklabels: false };
  } else {
    layout.yaxis3 = { domain: d.k, rangemode: 'tozero', showgrid: false, showticklabels: false, visible: r.doses.length > 0 };
  }
  // The dose strip is too short for a vertical title: its label (in the ordered unit) is written across, beside it;
  // each mark's amount is in its hover text.
  if (r.doses.length) layout.annotations.push({ xref: 'paper', yref: 'paper', x: 0, xanchor: 'right', xshift: -4, y: (d.k[0] + d.k[1]) / 2, yanchor: 'middle',
    text: `Dose<br>(${doseUnits})`, showarrow: false, align: 'right', font: { size: 10, color: '#344054' } });
  Plotly.react('chart', traces, layout, { responsive: true, displaylogo: false });
}

// Doses as ordered (3 µg/kg, not the 210 µg the library's timeline logs), events as the timeline logged them: the
// rows of report.html's "Doses and events" table (SimulationReport), so the page and `tposim simulate` agree.
function timelineRows(r) {
  const doses = r.doses.map(x => ({ day: x.day, kind: x.titrated ? 'dose (titrated)' : 'dose', label: `${x.drug} ${fmt(x.amount, 4)} ${x.unit}${x.route ? ' ' + x.route : ''}` }));
  return [...doses, ...r.timeline.filter(t => t.kind !== 'dose')].sort((a, b) => a.day - b.day);
}

function renderSummary(r) {
  const s = r.summary;
  const rows = [
    ['Baseline platelets', { num: fmt(s.baseline.platelets, 4) }, '×10⁹/L'],
    ['Baseline TPO', { num: fmt(s.baseline.tpo, 4) }, 'pg/mL'],
    ['Nadir', { num: `${fmt(s.plateletNadir.value, 4)} (day ${fmt(s.plateletNadir.day, 4)})` }, '×10⁹/L'],
    ['Peak', { num: `${fmt(s.plateletPeak.value, 4)} (day ${fmt(s.plateletPeak.day, 4)})` }, '×10⁹/L'],
    ['TPO max', { num: `${fmt(s.tpoMax.value, 4)} (day ${fmt(s.tpoMax.day, 4)})` }, 'pg/mL'],
    ['Final platelets', { num: fmt(s.final.platelets, 4) }, '×10⁹/L'],
    ...s.timeInRange.map(t => [`Time ${t.range}`, { num: pct(t.fraction) }, '']),
    ...Object.entries(s.drugConcentrationPeak || {}).map(([drug, p]) => [`${drug} peak`, { num: `${fmt(p.value, 4)} (day ${fmt(p.day, 4)})` }, 'ng/mL']),
    ['Solver', s.solver.name + ` (${s.solver.acceptedSteps} steps)`, s.status],
  ];
  table($('summary'), null, rows);
  const dec = $('decisions');
  if (r.decisions.length) {
    const t = el('table', { id: 'decision-table' });
    table(t, ['day', 'count', 'branch', 'action', 'dose', 'regimen'], r.decisions.map(x => [{ num: fmt(x.day, 4) }, { num: fmt(x.measured, 4) }, x.branch, x.action, `${fmt(x.dose, 4)} ${x.unit}`, x.regimen]));
    dec.replaceChildren(t);
  } else dec.replaceChildren(el('p', { class: 'muted', text: 'No titration in this scenario.' }));
  const tl = el('table', { id: 'timeline-table' });
  table(tl, ['day', 'kind', 'what'], timelineRows(r).map(t => [{ num: fmt(t.day, 4) }, t.kind, t.label]));
  $('timeline').replaceChildren(tl);
}

// ───────────── what drives this? ─────────────
let autoEndpoints = '';
function sensitivityDefaults(days) {
  // The summary's endpoints, with the count on the last day; kept when the user has written their own.
  const value = `nadir,nadir-day,peak,time-in:50-150,count@${days},tpo-steady`;
  if (!$('sens-endpoints').value || $('sens-endpoints').value === autoEndpoints) $('sens-endpoints').value = value;
  autoEndpoints = value;
  if (state.sensitivity) $('sens-status').textContent = 'the scenario has been run again since this analysis: press “What drives this?” to update it';
}

async function whatDrivesThis() {
  if (!state.lastDoc) return;
  $('sens-errors').hidden = true;
  // The page's completion signal (running → done | error), as for the forecast.
  document.body.dataset.sensitivity = 'running';
  const endpoints = $('sens-endpoints').value.trim(), parameters = $('sens-parameters').value.replace(/\s+/g, '');
  const q = new URLSearchParams();
  if (endpoints) q.set('endpoints', endpoints);
  if (parameters) q.set('parameters', parameters);
  $('sens-status').textContent = 'running the analysis …';
  const started = performance.now();
  try {
    const r = await api('POST', `/api/sensitivity?${q}`, state.lastDoc);
    state.sensitivity = r;
    const select = $('sens-endpoint'), previous = select.value;
    select.replaceChildren(...r.endpoints.map(e => el('option', { value: e.name, text: `${e.name} = ${fmt(e.value, 4)} ${e.unit}` })));
    if (r.endpoints.some(e => e.name === previous)) select.value = previous;
    $('sens-status').textContent = `${r.parameters.length} parameters, ${r.runs} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    $('sens-command').textContent = 'The same numbers from the command line: tposim sensitivity local scenario.json'
      + (endpoints ? ` --endpoints ${endpoints}` : '') + (parameters ? ` --parameters ${parameters}` : '') + ' (scenario.json: the download button above).';
    drawSensitivity();
    document.body.dataset.sensitivity = 'done';
  } catch (err) { $('sens-status').textContent = ''; showErrors($('sens-errors'), err); document.body.dataset.sensitivity = 'error'; }
}

function drawSensitivity() {
  const r = state.sensitivity;
  if (!r) return;
  const e = r.endpoints.find(x => x.name === $('sens-endpoint').value) || r.endpoints[0];
  const info = Object.fromEntries(r.parameters.map(p => [p.name, p]));
  // The 15 largest |S| (the CLI's tornado plot), largest on top; an asterisk marks a failed error check.
  const shown = e.sensitivities.filter(x => x.s !== null).slice(0, 15).reverse();
  const unreliable = shown.some(x => !x.reliable);
  // Room beside the bars for their labels, on the side each points to.
  const lo = Math.min(0, ...shown.map(x => x.s)), hi = Math.max(0, ...shown.map(x => x.s)), pad = 0.18 * (hi - lo || 1);
  Plotly.react('sens-chart', [{
    type: 'bar', orientation: 'h', name: 'S', x: shown.map(x => x.s), y: shown.map(x => x.parameter + (x.reliable ? '' : ' *')),
    marker: { color: shown.map(x => !x.reliable ? '#fdb022' : x.s >= 0 ? COLORS[1] : COLORS[0]) },
    text: shown.map(x => fmt(x.s, 3)), textposition: 'outside', cliponaxis: false,
    hovertext: shown.map(x => `${x.parameter} = ${fmt(info[x.parameter].nominal, 4)} ${info[x.parameter].unit} — ${info[x.parameter].description}`), hoverinfo: 'text+x',
  }], {
    title: { text: `What drives ${e.name}? (${fmt(e.value, 4)} ${e.unit}) — the ${shown.length} largest of ${e.sensitivities.length} parameters`, font: { size: 13 } },
    margin: { l: 200, r: 50, t: 40, b: unreliable ? 80 : 50 }, height: Math.max(320, 110 + 22 * shown.length),
    xaxis: { title: { text: 'S = ∂ ln endpoint / ∂ ln parameter (1)' }, zeroline: true, zerolinecolor: '#344054', range: [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0] },
    yaxis: { automargin: true },
    annotations: unreliable ? [{ xref: 'paper', yref: 'paper', x: 0, y: 0, yshift: -65, xanchor: 'left', showarrow: false, font: { size: 11, color: '#b54708' },
      text: '* failed the error check (steps h and h/2 disagree): the endpoint is not smooth in this parameter here' }] : [],
  }, { responsive: true, displaylogo: false });
  table($('sens-table'), ['parameter', 'S', 'error estimate', 'check', `∂ endpoint / ∂ ln p (${e.unit})`, 'value', 'unit', 'range', 'meaning', 'source'],
    e.sensitivities.map(x => {
      const p = info[x.parameter];
      return [x.parameter, { num: fmt(x.s, 4) }, { num: fmt(x.errorEstimate, 2) }, x.reliable ? 'ok' : 'not smooth', { num: fmt(x.dEndpointDLnParameter, 4) },
        { num: fmt(p.nominal, 4) }, p.unit, `${fmt(p.minimum, 4)} – ${fmt(p.maximum, 4)}`, p.description, p.source];
    }));
}

// ───────────── compare ─────────────
function addToCompare() {
  if (!state.last) return;
  if (state.compare.length >= 3) state.compare.shift();
  state.compare.push({ label: state.lastDoc.name, doc: state.lastDoc, result: state.last });
  compareToAddress();
  drawCompare();
  showTab('compare');
}

function compareToAddress() {
  setAddress('c', state.compare.length ? b64url.encode(JSON.stringify(state.compare.map(c => c.doc))) : null);
}

function drawCompare() {
  const slots = $('compare-slots');
  slots.replaceChildren(...state.compare.map((c, i) => el('div', { class: 'slot', style: `border-left-color:${COLORS[i]}` }, `${i + 1}. ${c.label}`)));
  const log = $('log-scale').checked;
  const side = $('compare-mode').value === 'side';
  $('compare-chart').hidden = side; $('compare-side').hidden = !side;
  const tracesFor = (c, i, yp = 'y', yt = 'y2') => [
    { name: `${i + 1}. platelets`, x: c.result.series.day, y: c.result.series.platelets, yaxis: yp, line: { color: COLORS[i], width: 2 } },
    { name: `${i + 1}. TPO`, x: c.result.series.day, y: c.result.series.tpo, yaxis: yt, line: { color: COLORS[i], width: 1.5, dash: 'dot' } },
  ];
  const refShapes = REFERENCE_LINES.map(v => ({ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: v, y1: v, line: { color: '#f79009', width: 1, dash: 'dash' } }));
  const baseLayout = title => ({ title: { text: title, font: { size: 13 } }, margin: { l: 60, r: 15, t: 40, b: 40 }, hovermode: 'x unified', showlegend: !side,
    xaxis: { title: { text: 'Day' }, anchor: 'y2' }, yaxis: plateletAxis(log, [0.45, 1]), yaxis2: { title: { text: 'TPO (pg/mL)' }, type: log ? 'log' : 'linear', domain: [0, 0.38] }, shapes: refShapes });
  if (side) {
    const box = $('compare-side');
    box.replaceChildren();
    state.compare.forEach((c, i) => {
      const div = el('div', { class: 'chart', id: `compare-chart-${i}` });
      box.append(div);
      Plotly.react(div, tracesFor(c, i), baseLayout(`${i + 1}. ${c.label}`), { responsive: true, displaylogo: false });
    });
  } else if (state.compare.length) {
    Plotly.react('compare-chart', state.compare.flatMap((c, i) => tracesFor(c, i)), { ...baseLayout('Overlaid'), height: 520 }, { responsive: true, displaylogo: false });
  } else Plotly.purge('compare-chart');
  const head = ['', ...state.compare.map((c, i) => `${i + 1}. ${c.label}`)];
  const row = (label, f) => [label, ...state.compare.map(c => ({ num: f(c.result.summary) }))];
  table($('compare-table'), head, state.compare.length ? [
    row('Baseline platelets (×10⁹/L)', s => fmt(s.baseline.platelets, 4)),
    row('Nadir (×10⁹/L)', s => `${fmt(s.plateletNadir.value, 4)} (day ${fmt(s.plateletNadir.day, 3)})`),
    row('Peak (×10⁹/L)', s => `${fmt(s.plateletPeak.value, 4)} (day ${fmt(s.plateletPeak.day, 3)})`),
    row('Final (×10⁹/L)', s => fmt(s.final.platelets, 4)),
    row('TPO max (pg/mL)', s => fmt(s.tpoMax.value, 4)),
    ...state.compare[0].result.summary.timeInRange.map((t, k) => row(`Time ${t.range}`, s => pct(s.timeInRange[k].fraction))),
  ] : []);
}

// ───────────── population ─────────────
async function startPopulation() {
  $('pop-errors').hidden = true;
  const body = { trial: $('trial').value, subjects: Number($('subjects').value), seed: Number($('pop-seed').value) };
  try {
    const job = await api('POST', '/api/population', body);
    state.job = job;
    $('pop-run').disabled = true; $('pop-cancel').disabled = false;
    pollPopulation();
  } catch (err) { showErrors($('pop-errors'), err); }
}

async function pollPopulation() {
  const job = state.job;
  if (!job) return;
  try {
    const s = await api('GET', `/api/population/${job.id}`);
    $('pop-progress').value = s.progress;
    $('pop-status').textContent = `${s.state} · ${(100 * s.progress).toFixed(0)} %` + (s.message ? ` · ${s.message}` : '');
    if (s.state === 'queued' || s.state === 'running') { setTimeout(pollPopulation, 400); return; }
    $('pop-run').disabled = false; $('pop-cancel').disabled = true;
    state.job = null;
    if (s.state === 'done') showPopulation(job.id, await api('GET', `/api/population/${job.id}/result`));
  } catch (err) { showErrors($('pop-errors'), err); $('pop-run').disabled = false; $('pop-cancel').disabled = true; state.job = null; }
}

async function cancelPopulation() {
  if (!state.job) return;
  await api('DELETE', `/api/population/${state.job.id}`);
}

function showPopulation(id, r) {
  state.population = r;
  const x = r.days, b = r.plateletBands;
  const band = (lo, hi, name, color) => [
    { x, y: lo, line: { width: 0 }, showlegend: false, hoverinfo: 'skip' },
    { x, y: hi, fill: 'tonexty', fillcolor: color, line: { width: 0 }, name },
  ];
  const traces = [...band(b[0], b[4], '5–95th percentile', 'rgba(180,35,24,0.15)'), ...band(b[1], b[3], '25–75th percentile', 'rgba(180,35,24,0.3)'),
    { x, y: b[2], name: 'median', line: { color: COLORS[0], width: 2 } }];
  Plotly.react('pop-chart', traces, {
    title: { text: `${r.name}: ${r.succeeded} subjects`, font: { size: 13 } }, margin: { l: 60, r: 20, t: 40, b: 40 },
    xaxis: { title: { text: 'Day' } }, yaxis: plateletAxis($('log-scale').checked, [0, 1]),
    shapes: REFERENCE_LINES.map(v => ({ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: v, y1: v, line: { color: '#f79009', width: 1, dash: 'dash' } })),
  }, { responsive: true, displaylogo: false });
  // The file's declared endpoints; a published column only when the file gives published values.
  const published = r.endpoints.some(e => e.published !== null);
  const show = (e, v) => e.unit === 'fraction' ? pct(v) : (v === null ? 'never' : fmt(v, 4));
  table($('pop-endpoints'), ['endpoint', 'value', 'unit', ...(published ? ['published'] : [])], [
    ['Screened / screen failures', { num: `${r.screened} / ${r.screenFailures}` }, '', ...(published ? [''] : [])],
    ['Enrolled: ok / failed', { num: `${r.succeeded} / ${r.failed}` }, '', ...(published ? [''] : [])],
    ...r.endpoints.map(e => [e.description, { num: show(e, e.value) + (e.unit === 'fraction' && e.standardError !== null ? ` ± ${(100 * e.standardError).toFixed(1)}` : '') }, e.unit === 'fraction' ? '' : e.unit,
      ...(published ? [e.published === null ? '' : `${show(e, e.published)}: ${e.publishedText}`] : [])]),
  ]);
  $('pop-downloads').replaceChildren('Download: ', ...['bands.csv', 'subjects.csv', 'metrics.json'].flatMap(f => [el('a', { href: `/api/population/${id}/${f}`, download: f, text: f }), ' ']));
}

// ───────────── fit and forecast ─────────────
let patientCsv = null;
async function fitAndForecast() {
  $('fit-errors').hidden = true; $('fc-recommendation').hidden = true;
  $('fit-status').textContent = 'fitting and forecasting …';
  // The page's completion signal (running → done | error), which tests and scripts wait on however long a fit takes.
  document.body.dataset.forecast = 'running';
  const q = new URLSearchParams({ weeks: $('fc-weeks').value, targetLow: $('fc-low').value, targetHigh: $('fc-high').value, maxRisk: $('fc-risk').value, samples: $('fc-samples').value });
  try {
    const r = await api('POST', `/api/forecast?${q}`, patientCsv, 'text/csv');
    state.forecast = r;
    $('fit-status').textContent = '';
    $('fc-recommendation').hidden = false;
    $('fc-recommendation').textContent = `Recommendation: ${r.recommendation} — ${r.reason}.`;
    $('fc-disclaimer').hidden = false; $('fc-disclaimer').textContent = r.disclaimer;
    const obs = r.observations.filter(o => o.kind === 'platelets');
    const traces = [{ x: r.historyDays, y: r.historyPlatelets, name: 'fitted history', line: { color: '#475467', width: 1.5 } },
      { x: obs.map(o => o.day), y: obs.map(o => o.value), name: 'observed', mode: 'markers', marker: { color: '#101828', size: 7 } }];
    r.regimens.forEach((g, i) => {
      const color = ['#b42318', '#1f5fa8', '#067647', '#7a5af8', '#dc6803', '#0e9384'][i % 6];
      traces.push({ x: r.days, y: g.bands[0], line: { width: 0 }, showlegend: false, hoverinfo: 'skip' },
        { x: r.days, y: g.bands[4], fill: 'tonexty', fillcolor: color + '22', line: { width: 0 }, showlegend: false, hoverinfo: 'skip' },
        { x: r.days, y: g.bands[2], name: g.name + (g.name === r.recommendation ? ' (recommended)' : ''), line: { color, width: g.name === r.recommendation ? 3 : 1.5 } });
    });
    const f = r.forecast;
    Plotly.react('fc-chart', traces, {
      title: { text: `${f.weeks}-week forecast from day ${fmt(f.startDay, 4)} (5–95% bands)`, font: { size: 13 } }, margin: { l: 60, r: 20, t: 40, b: 40 },
      xaxis: { title: { text: 'Day' } }, yaxis: plateletAxis($('log-scale').checked, [0, 1]),
      shapes: [{ type: 'rect', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: f.targetLow, y1: f.targetHigh, fillcolor: 'rgba(18,183,106,0.08)', line: { width: 0 } },
        { type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: f.riskThreshold, y1: f.riskThreshold, line: { color: '#b42318', dash: 'dash', width: 1 } }],
    }, { responsive: true, displaylogo: false });
    table($('fc-table'), ['regimen', `E[time in ${f.targetLow}–${f.targetHigh}]`, `P(> ${f.riskThreshold})`, 'median at end', `mean dose/week (${f.doseUnit})`],
      f.regimens.map(g => [g.name + (g.recommended ? ' ← recommended' : '') + (g.meetsRiskLimit ? '' : ' (risk too high)'), { num: pct(g.expectedTimeInTarget) }, { num: pct(g.probabilityAboveThreshold) }, { num: fmt(g.medianAtEnd, 3) }, { num: fmt(g.meanWeeklyDose, 3) }]));
    const est = r.fit.parameters || [];
    table($('fit-estimates'), ['parameter', 'unit', 'estimate', '95% interval'], est.map(e => [`${e.name} (${e.meaning})`, e.unit, { num: fmt(e.estimate, 3) }, { num: `${fmt(e.lower95, 3)}–${fmt(e.upper95, 3)}` }]));
    document.body.dataset.forecast = 'done';
  } catch (err) { $('fit-status').textContent = ''; showErrors($('fit-errors'), err); document.body.dataset.forecast = 'error'; }
}

// ───────────── interpret ─────────────
async function interpret() {
  $('ip-errors').hidden = true;
  const body = { platelets: Number($('ip-platelets').value), tpo: Number($('ip-tpo').value), tpoUnit: $('ip-unit').value };
  if ($('ip-assay').value !== '') body.assayNormal = Number($('ip-assay').value);
  try {
    const r = await api('POST', '/api/interpret', body);
    state.interpretation = r;
    setAddress('ip', [body.platelets, body.tpo, body.tpoUnit, ...(body.assayNormal === undefined ? [] : [body.assayNormal])].join(','));
    $('ip-plane').innerHTML = r.planeSvg;
    const top = r.readings[0];
    $('ip-top').hidden = false;
    $('ip-top').textContent = `Top reading: ${top.title} (${pct(top.plausibility)}).` + (top.distinguishingTest ? ` What would confirm it: ${top.distinguishingTest}.` : '');
    table($('ip-readings'), ['reading', 'plausibility', 'best preset', 'severity', 'MK mass', 'lifespan (d)', 'hepatic TPO', 'distance'],
      r.readings.map(x => [x.title, { num: pct(x.plausibility) }, x.bestPreset, { num: x.severity.toFixed(2) }, { num: x.megakaryocyteMass.toFixed(2) }, { num: x.lifespanDays.toFixed(1) }, { num: x.hepaticSynthesis.toFixed(2) }, { num: x.distanceSigma.toFixed(1) + 'σ' }]));
    $('ip-note').textContent = (r.thrombocytosisNote || '') + ` Errors: log-normal σ(platelets) ${r.sigmaPlatelets.toFixed(2)}, σ(TPO) ${r.sigmaTpo.toFixed(2)}.`;
    $('ip-disclaimer').textContent = r.disclaimer;
  } catch (err) { showErrors($('ip-errors'), err); }
}

// ───────────── parameters and equations ─────────────
function renderMarkdown(md) {
  // markdown-it with raw HTML off (no text of the document is taken as HTML); markdown-it-texmath hands $…$ and $$…$$
  // to KaTeX, which writes HTML for the eye and MathML (with the TeX source) for screen readers and copying.
  const box = el('div', { class: 'markdown' });
  const parser = window.markdownit({ html: false, linkify: false })
    .use(texmath, { engine: katex, delimiters: 'dollars', katexOptions: { throwOnError: false, output: 'htmlAndMathml' } });
  box.innerHTML = parser.render(md);
  return box;
}

async function loadReference() {
  try { $('equations').replaceChildren(renderMarkdown(await api('GET', '/api/equations'))); }
  catch { $('equations').replaceChildren(el('p', { class: 'muted', text: 'The generated equations (docs/equations.md) are not in this build; every parameter with its unit, range and source is below, and docs/architecture.md describes the model.' })); }
  const params = state.catalog.parameters;
  const render = () => {
    const f = $('param-filter').value.toLowerCase();
    table($('param-table'), ['name', 'value', 'unit', 'range', 'kind', 'meaning', 'source'],
      params.filter(p => !f || [p.name, p.unit, p.source, p.description].join(' ').toLowerCase().includes(f))
        .map(p => [p.name, { num: fmt(p.value, 6) }, p.unit, `${fmt(p.minimum, 4)} – ${fmt(p.maximum, 4)}`, p.kind, p.description, p.source]));
  };
  $('param-filter').oninput = render;
  render();
  const docs = $('condition-docs');
  docs.replaceChildren(...[...state.catalog.conditions, ...state.catalog.procedures].map(c =>
    el('details', {}, el('summary', { text: `${c.title} (${c.name})` }), ...c.fields.map(f => el('p', {}, el('b', { text: f.label + ': ' }), f.text)))));
  $('drug-docs').replaceChildren(...state.catalog.drugs.map(d => {
    const t = el('table', { class: 'wide' });
    table(t, ['parameter', 'value', 'unit', 'range', 'source'], d.parameters.map(p => [p.name, { num: fmt(p.value, 5) }, p.unit, `${fmt(p.minimum, 4)} – ${fmt(p.maximum, 4)}`, p.source]));
    return el('details', {}, el('summary', { text: `${d.name} (${d.routes.join(', ')})` }), el('p', { text: d.mechanism }), el('p', { class: 'muted', text: d.source }), t);
  }));
}

// ───────────── start ─────────────
async function init() {
  const [conditions, drugs, parameters, titrations, scenarios, trials, examples] = await Promise.all([
    api('GET', '/api/conditions'), api('GET', '/api/drugs'), api('GET', '/api/parameters'), api('GET', '/api/titrations'),
    api('GET', '/api/scenarios'), api('GET', '/api/trials'), api('GET', '/api/examples')]);
  Object.assign(state.catalog, { conditions: conditions.conditions, procedures: conditions.procedures, drugs, parameters, titrations });
  conditions.conditions.forEach(c => $('condition').append(el('option', { value: c.name, text: c.name === 'healthy' ? 'healthy' : `${c.name} — ${c.title}` })));
  titrations.forEach(t => $('titration-policy').append(el('option', { value: t.name, text: t.name })));
  scenarios.forEach(s => $('example').append(el('option', { value: s.file, text: `${s.file} — ${s.name}` })));
  trials.forEach(t => $('trial').append(el('option', { value: t.file, text: t.name })));
  const describeTrial = () => { const t = trials.find(x => x.file === $('trial').value); $('trial-description').textContent = t ? t.description : ''; };
  $('trial').onchange = describeTrial; describeTrial();
  examples.forEach(e => $('fit-example').append(el('option', { value: e.file, text: e.file })));

  $('condition').onchange = () => conditionOptions($('condition').value);
  $('severity').oninput = () => { $('severity-number').value = $('severity').value; };
  $('severity-number').oninput = () => { $('severity').value = $('severity-number').value; };
  $('baseline-set').onclick = async () => {
    try {
      const r = await api('GET', `/api/conditions/${encodeURIComponent($('condition').value)}/severity?baseline=${encodeURIComponent($('baseline').value)}`);
      setSeverity(r.severity);
      $('status').textContent = r.reachable ? `severity ${r.severity} gives a steady state of ${r.platelets} ×10⁹/L` : `no severity reaches ${r.baseline}; nearest ${r.platelets} ×10⁹/L at severity ${r.severity}`;
    } catch (err) { showErrors($('errors'), err); }
  };
  $('titration-policy').onchange = () => titrationFields($('titration-policy').value);
  $('add-dose').onclick = () => addDose();
  $('add-event').onclick = () => addEvent();
  $('example').onchange = async () => { if ($('example').value) { scenarioToForm(await api('GET', `/api/scenarios/${$('example').value}`)); run(); } };
  $('apply-json').onclick = () => { try { scenarioToForm(JSON.parse($('scenario-json').value)); run(); } catch (err) { showErrors($('errors'), err); } };
  $('run').onclick = run;
  $('sens-run').onclick = whatDrivesThis;
  $('sens-endpoint').onchange = drawSensitivity;
  $('log-scale').onchange = () => { draw(); drawCompare(); };
  $('tpo-unit').onchange = draw;
  $('to-compare').onclick = addToCompare;
  $('compare-mode').onchange = drawCompare;
  $('compare-clear').onclick = () => { state.compare = []; compareToAddress(); drawCompare(); };
  $('share').onclick = async () => {
    const link = shareLink(scenarioFromForm());
    $('share-link').hidden = false; $('share-link').value = link;
    try { await navigator.clipboard.writeText(link); } catch { /* the link is shown for copying by hand */ }
  };
  $('dl-scenario').onclick = () => download('scenario.json', JSON.stringify(scenarioFromForm(), null, 2) + '\n', 'application/json');
  $('dl-csv').onclick = async () => download('timeseries.csv', await api('POST', '/api/simulate/timeseries.csv', state.lastDoc), 'text/csv');
  $('dl-json').onclick = () => download('results.json', JSON.stringify(state.last, null, 2), 'application/json');
  $('pop-run').onclick = startPopulation;
  $('pop-cancel').onclick = cancelPopulation;
  window.addEventListener('pagehide', () => { if (state.job) navigator.sendBeacon(`/api/population/${state.job.id}/cancel`); });
  $('fit-file').onchange = async () => { const f = $('fit-file').files[0]; if (f) { patientCsv = await f.text(); $('fit-run').disabled = false; $('fit-status').textContent = `${f.name} loaded`; } };
  $('fit-example').onchange = async () => { if ($('fit-example').value) { patientCsv = await api('GET', `/api/examples/${$('fit-example').value}`); $('fit-run').disabled = false; $('fit-status').textContent = `${$('fit-example').value} loaded`; } };
  $('fit-run').onclick = fitAndForecast;
  $('ip-run').onclick = interpret;
  loadReference();

  readAddress();
  if (address.s) scenarioToForm(JSON.parse(b64url.decode(address.s)));
  else scenarioToForm(await api('GET', '/api/scenarios/default.json'));
  if (address.tab) showTab(address.tab);
  await run();
  if (address.c) {
    for (const doc of JSON.parse(b64url.decode(address.c)).slice(0, 3))
      state.compare.push({ label: doc.name, doc, result: await api('POST', '/api/simulate', doc) });
    drawCompare();
  }
  if (address.ip) {
    const [platelets, tpo, unit, assay] = address.ip.split(',');
    $('ip-platelets').value = platelets; $('ip-tpo').value = tpo; $('ip-unit').value = unit || 'pg/mL'; $('ip-assay').value = assay ?? '';
    await interpret();
  }
  document.body.dataset.ready = '1';
}

init().catch(err => { showErrors($('errors'), err); document.body.dataset.ready = 'error'; });
