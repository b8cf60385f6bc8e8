// marsad's web page: wires the views (events with map and timeline, event
// detail, "Try it", sites) to the JSON API. Plain ES modules, no build step.
import { h, fill } from './dom.js';
import * as api from './api.js';
import { Lang } from './i18n.js';
import { EventMap } from './map.js';
import { Timeline } from './timeline.js';
import { showEvent } from './detail.js';
import { setupTry } from './tryit.js';
import { showSites } from './sites.js';
import { chip, figureText, placeText } from './render.js';

const lang = new Lang();
const $ = (id) => document.getElementById(id);

const state = {
  filters: {}, // API filter parameters from the form
  range: null, // [from, to] brushed on the timeline
  bbox: '',
  next: '',
  meta: null,
};

function showError(err) {
  const el = $('error');
  el.textContent = `${lang.t('error')}: ${err.message || err}`;
  el.hidden = false;
  setTimeout(() => { el.hidden = true; }, 6000);
}

// params are the API filter parameters in force: the form's, the brushed
// range (which narrows from/to) and the map view when asked for.
function params(extra) {
  const p = { ...state.filters };
  if (state.range) {
    p.from = p.from && p.from > state.range[0] ? p.from : state.range[0];
    p.to = p.to && p.to < state.range[1] ? p.to : state.range[1];
  }
  if ($('f-inview').checked && state.bbox) p.bbox = state.bbox;
  return api.query(p, extra);
}

let map;
let timeline;

function setupFilters(meta) {
  const typeSel = $('f-type');
  for (const t of meta.types) typeSel.appendChild(h('option', { value: t, 'data-type': t }, lang.type(t)));
  const modSel = $('f-modality');
  for (const m of meta.modalities) modSel.appendChild(h('option', { value: m, 'data-modality': m }, lang.modality(m)));
  const form = $('filters');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    readFilters();
    refresh();
  });
  form.addEventListener('reset', () => {
    setTimeout(() => {
      state.range = null;
      readFilters();
      refresh();
    });
  });
  $('f-inview').addEventListener('change', () => refresh());
  $('brush-clear').addEventListener('click', () => {
    state.range = null;
    refresh();
  });
}

function readFilters() {
  const fd = new FormData($('filters'));
  const f = {};
  for (const k of ['type', 'from', 'to', 'country', 'admin1', 'place', 'actor', 'speaker', 'modality', 'q']) {
    const v = String(fd.get(k) || '').trim();
    if (v) f[k] = v;
  }
  state.filters = f;
}

function relabelOptions() {
  for (const o of document.querySelectorAll('option[data-type]')) o.textContent = lang.type(o.dataset.type);
  for (const o of document.querySelectorAll('option[data-modality]')) o.textContent = lang.modality(o.dataset.modality);
}

function exportLinks() {
  for (const f of ['csv', 'geojson', 'jsonl']) {
    $('exp-' + f).setAttribute('href', '/api/export?' + new URLSearchParams(params({ format: f })).toString());
  }
}

function eventRow(e) {
  const figs = (e.reconciliation || []).map((r) => {
    const v = r.min === r.max ? figureText({ value: r.min, approx: r.approx }) : `${figureText({ value: r.min })}–${figureText({ value: r.max })}`;
    return `${r.what} ${v}${r.conflict ? ' ⚠' : ''}`;
  }).join(', ');
  const a = h('a', { href: '#/event/' + encodeURIComponent(e.id), class: 'ev-row' + (e.conflict ? ' is-conflict' : ''), 'data-id': e.id },
    h('div', { class: 'ev-row-head' }, chip(lang, e.type), h('span', { class: 'ev-date' }, e.date || '—'),
      h('span', { class: 'ev-place', dir: 'auto' }, placeText(lang, e.location))),
    (e.actors || []).length > 0 && h('div', { class: 'ev-actors', dir: 'auto' }, e.actors.map((x) => x.name).join(' · ')),
    figs && h('div', { class: 'ev-figs' }, figs),
    h('div', { class: 'ev-src muted' }, `${lang.n(e.n_documents, 'documents')} · ${lang.modality(e.modality)}`));
  return a;
}

async function loadList(more) {
  const list = $('list');
  const p = params({ limit: 50 });
  if (more && state.next) p.cursor = state.next;
  const page = await api.get('/api/events', p);
  if (!more) fill(list);
  for (const e of page.events) list.appendChild(eventRow(e));
  if (!more && page.events.length === 0) list.appendChild(h('p', { class: 'muted' }, lang.t('list.none')));
  state.next = page.next || '';
  $('more').hidden = !state.next;
}

async function loadStats() {
  const st = await api.get('/api/stats', params({ interval: 'auto' }));
  const sm = st.summary;
  let summary = `${lang.n(sm.events, 'events')} · ${lang.n(sm.documents, 'documents')} · ${lang.n(sm.figures, 'figures')}`;
  if (st.places > st.places_shown) summary += ` · ${lang.t('map.busiest')} ${st.places_shown}/${st.places}`;
  fill($('summary'), summary);
  map.show(st.by_place, params());
  timeline.show(st.by_time, state.range, st.interval);
  $('timeline-title').textContent = lang.t(st.interval === 'week' ? 'timeline.week' : 'timeline');
  const types = [...new Set(st.by_time.map((c) => c.type))].sort();
  fill($('legend'), types.map((t) => h('span', { class: 'legend-item' }, chip(lang, t))));
  $('brush-clear').hidden = !state.range;
  fill($('brush-range'), state.range ? `${state.range[0]} – ${state.range[1]}` : '');
}

async function refresh() {
  delete document.body.dataset.ready;
  exportLinks();
  try {
    await Promise.all([loadList(false), loadStats()]);
    document.body.dataset.ready = 'main';
  } catch (err) {
    showError(err);
  }
}

function showView(name) {
  for (const v of ['main', 'event', 'try', 'sites']) $('view-' + v).hidden = v !== name;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === name || (name === 'event' && a.dataset.view === 'main'));
  if (name === 'main' && map) map.invalidate();
}

async function route() {
  const hash = location.hash || '#/';
  const m = hash.match(/^#\/event\/(.+)$/);
  delete document.body.dataset.ready;
  try {
    if (m) {
      showView('event');
      window.scrollTo(0, 0);
      await showEvent($('event'), lang, decodeURIComponent(m[1]));
      document.body.dataset.ready = 'event';
    } else if (hash === '#/try') {
      showView('try');
      document.body.dataset.ready = 'try';
    } else if (hash === '#/sites') {
      showView('sites');
      await showSites($('sites'), lang);
      document.body.dataset.ready = 'sites';
    } else {
      showView('main');
      await refresh();
    }
  } catch (err) {
    showError(err);
  }
}

async function main() {
  lang.apply();
  $('lang').addEventListener('click', () => {
    lang.set(lang.code === 'ar' ? 'en' : 'ar');
    relabelOptions();
    route();
  });
  try {
    state.meta = await api.get('/api/meta');
  } catch (err) {
    showError(err);
    return;
  }
  setupFilters(state.meta);
  if (!state.meta.extract) $('try-go').disabled = true;
  map = new EventMap($('map'), lang, {
    onMove: (bbox) => {
      state.bbox = bbox;
      if ($('f-inview').checked) refresh();
    },
  });
  state.bbox = map.bbox();
  timeline = new Timeline($('timeline'), lang, (from, to) => {
    state.range = [from, to];
    refresh();
  });
  $('more').addEventListener('click', () => loadList(true).catch(showError));
  setupTry($('try'), $('try-out'), lang);
  window.addEventListener('hashchange', route);
  await route();
}

main();
