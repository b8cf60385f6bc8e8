// The timeline: events per day, stacked by type, as SVG. Dragging across
// it selects a range of days (a brush) and calls onBrush(from, to).
import { s, fill } from './dom.js';
import { color } from './render.js';

const DAY = 86400000;

function parseDay(d) { return Date.parse(d + 'T00:00:00Z'); }
function fmtDay(t) { return new Date(t).toISOString().slice(0, 10); }

export class Timeline {
  constructor(el, lang, onBrush) {
    this.el = el;
    this.lang = lang;
    this.onBrush = onBrush;
    this.range = null;
  }

  // show draws counts ([{key: day, type, n}]); with interval "week" each
  // key is a Monday and its bar spans seven days.
  show(counts, range, interval) {
    this.range = range;
    const step = interval === 'week' ? 7 : 1;
    const days = new Map();
    for (const c of counts) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(c.key)) continue;
      let d = days.get(c.key);
      if (!d) days.set(c.key, (d = {}));
      d[c.type] = (d[c.type] || 0) + c.n;
    }
    const W = Math.max(300, this.el.clientWidth || 600);
    const H = 120;
    const pad = { l: 30, r: 8, t: 8, b: 20 };
    const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'tl', role: 'img' });
    if (days.size === 0) {
      fill(this.el, svg);
      return;
    }
    const keys = [...days.keys()].sort();
    let t0 = parseDay(keys[0]);
    let t1 = parseDay(keys[keys.length - 1]);
    if (range) {
      t0 = Math.min(t0, parseDay(range[0]));
      t1 = Math.max(t1, parseDay(range[1]));
    }
    const nDays = Math.round((t1 - t0) / DAY) + step;
    const max = Math.max(...[...days.values()].map((d) => Object.values(d).reduce((a, b) => a + b, 0)));
    const iw = W - pad.l - pad.r;
    const ih = H - pad.t - pad.b;
    const bw = iw / nDays;
    const x = (t) => pad.l + ((t - t0) / DAY) * bw;
    const y = (v) => pad.t + ih - (v / max) * ih;
    svg.appendChild(s('line', { x1: pad.l, x2: W - pad.r, y1: pad.t + ih, y2: pad.t + ih, class: 'axis' }));
    svg.appendChild(s('text', { x: pad.l - 4, y: pad.t + 8, class: 'tick', 'text-anchor': 'end' }, String(max)));
    for (const [day, types] of days) {
      let base = 0;
      const t = parseDay(day);
      for (const [type, n] of Object.entries(types).sort()) {
        const r = s('rect', {
          x: x(t) + Math.min(1, bw * 0.1), width: Math.max(1, step * bw - Math.min(2, bw * 0.2)),
          y: y(base + n), height: Math.max(0.5, y(base) - y(base + n)),
          fill: color(type), class: 'bar', 'data-day': day, 'data-type': type,
        }, s('title', {}, `${day} · ${this.lang.type(type)}: ${n}`));
        svg.appendChild(r);
        base += n;
      }
    }
    // Ticks: first, last and a few between.
    const nt = Math.min(6, nDays);
    for (let i = 0; i < nt; i++) {
      const t = t0 + Math.round((i * (nDays - 1)) / Math.max(1, nt - 1)) * DAY;
      svg.appendChild(s('text', { x: x(t) + bw / 2, y: H - 5, class: 'tick', 'text-anchor': 'middle' }, fmtDay(t).slice(5)));
    }
    if (range) {
      const a = parseDay(range[0]);
      const b = parseDay(range[1]) + DAY;
      svg.appendChild(s('rect', { x: x(a), y: pad.t, width: Math.max(1, x(b) - x(a)), height: ih, class: 'brush' }));
    }
    this.brush(svg, { x0: pad.l, x1: W - pad.r, t0, bw, top: pad.t, ih });
    fill(this.el, svg);
  }

  brush(svg, g) {
    let start = null;
    let sel = null;
    const dayAt = (px) => {
      const i = Math.floor((Math.min(Math.max(px, g.x0), g.x1 - 0.01) - g.x0) / g.bw);
      return g.t0 + i * DAY;
    };
    const px = (ev) => {
      const r = svg.getBoundingClientRect();
      return ((ev.clientX - r.left) / r.width) * svg.viewBox.baseVal.width;
    };
    svg.addEventListener('pointerdown', (ev) => {
      start = px(ev);
      sel = s('rect', { x: start, y: g.top, width: 0, height: g.ih, class: 'brush' });
      svg.appendChild(sel);
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener('pointermove', (ev) => {
      if (start === null) return;
      const cur = px(ev);
      sel.setAttribute('x', Math.min(start, cur));
      sel.setAttribute('width', Math.abs(cur - start));
    });
    svg.addEventListener('pointerup', (ev) => {
      if (start === null) return;
      const a = dayAt(Math.min(start, px(ev)));
      const b = dayAt(Math.max(start, px(ev)));
      start = null;
      this.onBrush(fmtDay(a), fmtDay(b));
    });
  }
}
