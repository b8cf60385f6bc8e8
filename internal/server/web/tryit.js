// "Try it": code a pasted report with /api/extract and show its events
// and highlighted spans. Nothing is stored.
import { h, fill } from './dom.js';
import * as api from './api.js';
import { codedEvent, sentences, spanLegend } from './render.js';

export function setupTry(form, out, lang) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    const body = { text: fd.get('text'), lang: fd.get('lang') || '', published: fd.get('published') || '' };
    fill(out, h('p', { class: 'muted' }, lang.t('try.working')));
    try {
      const r = await api.post('/api/extract', body);
      const res = r.result;
      const evs = h('div', { class: 'try-events' });
      (res.events || []).forEach((e, i) => evs.appendChild(codedEvent(lang, e, i)));
      for (const f of res.figures || []) {
        evs.appendChild(h('div', { class: 'card coded figure' },
          h('div', { class: 'card-head' }, `${f.what}: ${f.value}`),
          h('div', null, f.location ? f.location.name : ''),
          h('div', { class: 'muted' }, (f.attribution || []).map((a) => a.speaker).join(', '))));
      }
      fill(out,
        h('h3', null, `${lang.n((res.events || []).length, 'events')}, ${lang.n((res.figures || []).length, 'figures')}`),
        (res.events || []).length === 0 && h('p', { class: 'muted' }, lang.t('try.none')),
        evs, spanLegend(lang), sentences(lang, r.sentences));
    } catch (err) {
      fill(out, h('p', { class: 'error-inline' }, `${lang.t('error')}: ${err.message}`));
    }
  });
}
