// Shared rendering: type colours, chips, figures and highlighted sentences.
import { h } from './dom.js';

// A colour per event type (colour-blind-friendly where it matters most:
// violence reds/oranges, detention purples, movement blues, talk greens).
export const typeColors = {
  attack: '#c0392b', airstrike: '#e74c3c', shelling: '#d35400', bombing: '#8e1b10', killing: '#7b241c',
  abduction: '#6c3483', arrest: '#8e44ad', escape: '#f39c12', release: '#27ae60', transfer: '#2980b9',
  offensive: '#a04000', seizure: '#5d6d7e', agreement: '#16a085', statement: '#7f8c8d',
  protest: '#2e86c1', riot: '#b03a2e', displacement: '#1f618d',
};

export function color(type) { return typeColors[type] || '#555'; }

export function chip(lang, type) {
  return h('span', { class: 'chip t-' + type, title: type }, lang.type(type));
}

export function fmtNum(v) {
  return typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : '';
}

// figureText renders a claimed value: "~15", "10–12", "≤10", "≥100" (a
// stated bound needs no "~").
export function figureText(c) {
  const hasMin = c.min !== undefined && c.min !== null;
  const hasMax = c.max !== undefined && c.max !== null;
  if (hasMin && hasMax && c.min !== c.max) return fmtNum(c.min) + '–' + fmtNum(c.max);
  if (hasMax && !hasMin) return '≤' + fmtNum(c.max);
  if (hasMin && !hasMax) return '≥' + fmtNum(c.min);
  return (c.approx ? '~' : '') + fmtNum(c.value);
}

export function placeText(lang, loc) {
  if (!loc) return lang.t('unknown');
  const name = (lang.code === 'ar' && loc.name_ar) ? loc.name_ar : loc.name;
  return [name, loc.admin1, loc.country].filter(Boolean).join(', ');
}

// sentences renders annotated sentences (from /api/documents/{id} or
// /api/extract). only, when given, keeps the sentences tied to one of those
// event indices. Every piece of text goes in through a text node.
export function sentences(lang, list, only) {
  const out = h('div', { class: 'sentences' });
  for (const s of list) {
    if (only !== undefined && !(s.events || []).some((i) => only.includes(i))) continue;
    const p = h('p', { class: 'sentence', dir: s.dir, lang: s.lang || null });
    for (const seg of s.segments) {
      if (!seg.kind) {
        p.appendChild(document.createTextNode(seg.text));
        continue;
      }
      const title = lang.t('kind.' + seg.kind) + (seg.label ? ': ' + seg.label : '');
      p.appendChild(h('mark', { class: 'span k-' + seg.kind, title }, seg.text));
    }
    out.appendChild(p);
  }
  return out;
}

export function spanLegend(lang) {
  const kinds = ['trigger', 'actor', 'target', 'place', 'date', 'count', 'speaker', 'figure'];
  return h('div', { class: 'span-legend' },
    kinds.map((k) => h('mark', { class: 'span k-' + k }, lang.t('kind.' + k))));
}

// eventCard renders a coded (per-document) event compactly.
export function codedEvent(lang, e, i) {
  const counts = (e.counts || []).map((c) => `${c.what} ${figureText(c)}`).join(', ');
  const speakers = (e.attribution || []).map((a) => a.speaker).join(', ');
  const actors = (e.actors || []).map((a) => `${a.name} (${a.role})`).join(', ');
  return h('div', { class: 'card coded', 'data-index': i },
    h('div', { class: 'card-head' }, chip(lang, e.type), ' ', [e.date, placeText(lang, e.location)].filter(Boolean).join(' · ')),
    actors && h('div', null, h('b', null, lang.t('d.actors') + ': '), actors),
    counts && h('div', null, h('b', null, lang.t('col.figures') + ': '), counts),
    h('div', null, h('b', null, lang.t('d.modality') + ': '), lang.modality(e.modality)),
    speakers && h('div', null, h('b', null, lang.t('c.speaker') + ': '), speakers),
    e.acled && h('div', { class: 'muted' }, `ACLED: ${e.acled.event_type} / ${e.acled.sub_event_type}`));
}
