// Sites: standing figures (detainees held, camp populations) per place,
// over time, each with who reported it.
import { h, s, fill } from './dom.js';
import * as api from './api.js';
import { figureText } from './render.js';

export async function showSites(el, lang) {
  const { figures } = await api.get('/api/figures', { limit: 5000 });
  if (figures.length === 0) {
    fill(el, h('p', { class: 'muted' }, lang.t('sites.none')));
    return;
  }
  const groups = new Map();
  for (const r of figures) {
    const loc = r.figure.location;
    const place = loc ? ((lang.code === 'ar' && loc.name_ar) || loc.name) : lang.t('unknown');
    const key = place + '\u0000' + r.figure.what;
    if (!groups.has(key)) groups.set(key, { place, what: r.figure.what, rows: [] });
    groups.get(key).rows.push(r);
  }
  const out = [];
  const unknown = lang.t('unknown');
  const sorted = [...groups.values()].sort((a, b) => (a.place === unknown) - (b.place === unknown) || a.place.localeCompare(b.place));
  for (const g of sorted) {
    g.rows.sort((a, b) => (a.day || '').localeCompare(b.day || ''));
    out.push(h('section', { class: 'site card' },
      h('h3', null, h('span', { dir: 'auto' }, g.place), ' · ', g.what),
      spark(g.rows),
      h('table', { class: 'site-table' },
        h('thead', null, h('tr', null, ['c.date', 'c.figure', 'c.speaker', 'c.outlet'].map((k) => h('th', null, lang.t(k))), h('th', null, ''))),
        h('tbody', null, g.rows.map((r) => h('tr', null,
          h('td', null, r.day || ''), h('td', { class: 'num' }, figureText(r.figure)),
          h('td', { dir: 'auto' }, r.speaker), h('td', { dir: 'auto' }, r.outlet),
          h('td', { class: 'quote', dir: 'auto' }, r.figure.text)))))));
  }
  fill(el, out);
}

// spark draws the values over time as dots joined by a line (null when
// they are all of one day).
function spark(rows) {
  const pts = rows.filter((r) => r.day).map((r) => ({ t: Date.parse(r.day + 'T00:00:00Z'), v: r.figure.value }));
  if (new Set(pts.map((p) => p.t)).size < 2) return null; // nothing over time to draw
  const W = 260;
  const H = 48;
  const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'spark' });
  if (pts.length === 0) return svg;
  const t0 = Math.min(...pts.map((p) => p.t));
  const t1 = Math.max(...pts.map((p) => p.t));
  const vmax = Math.max(...pts.map((p) => p.v), 1);
  const x = (t) => (t1 === t0 ? W / 2 : 6 + ((t - t0) / (t1 - t0)) * (W - 12));
  const y = (v) => H - 6 - (v / vmax) * (H - 12);
  if (pts.length > 1) {
    svg.appendChild(s('polyline', { points: pts.map((p) => `${x(p.t)},${y(p.v)}`).join(' '), class: 'spark-line' }));
  }
  for (const p of pts) svg.appendChild(s('circle', { cx: x(p.t), cy: y(p.v), r: 3, class: 'spark-dot' }));
  return svg;
}
