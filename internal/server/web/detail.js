// The event detail: what the merged event is, every claim side by side
// per figure kind with its reconciliation, and the source sentences with
// their coded spans highlighted.
import { h, fill } from './dom.js';
import * as api from './api.js';
import { chip, figureText, fmtNum, placeText, sentences, spanLegend } from './render.js';

export async function showEvent(el, lang, id) {
  fill(el, h('p', { class: 'muted' }, '…'));
  const e = await api.get('/api/events/' + encodeURIComponent(id));
  const docs = new Map((e.documents || []).map((d) => [d.id, d]));
  const loc = e.location;
  const head = h('div', { class: 'ev-head' },
    h('h2', null, chip(lang, e.type), ' ', [e.date, placeText(lang, loc)].filter(Boolean).join(' · ')),
    h('div', { class: 'ev-flags' },
      e.conflict && h('span', { class: 'flag conflict' }, lang.t('d.conflict')),
      e.denied && h('span', { class: 'flag denied' }, lang.t('d.denied'))),
    h('dl', { class: 'ev-facts' },
      e.acled && [h('dt', null, lang.t('d.acled')), h('dd', null, `${e.acled.event_type} / ${e.acled.sub_event_type}`)],
      e.plover && [h('dt', null, lang.t('d.plover')), h('dd', null, e.plover + (e.plover_mode ? ' / ' + e.plover_mode : ''))],
      [h('dt', null, lang.t('d.modality')), h('dd', null, (e.modalities || [e.modality]).map((m) => lang.modality(m)).join(', '))],
      (e.actors || []).length > 0 && [h('dt', null, lang.t('d.actors')),
        h('dd', null, e.actors.map((a) => `${a.name} (${a.role})`).join(', '))],
      [h('dt', null, lang.t('col.sources')), h('dd', null,
        `${lang.n(e.n_documents, 'd.documents')}, ${lang.n(e.n_mentions, 'd.mentions')}: ${(e.outlets || []).join(', ')}`)]));

  // Claims grouped by figure kind, side by side, with the reconciliation.
  const claims = h('section', { class: 'claims' }, h('h3', null, lang.t('d.claims')));
  const byWhat = new Map();
  for (const c of e.claims || []) {
    if (!byWhat.has(c.what)) byWhat.set(c.what, []);
    byWhat.get(c.what).push(c);
  }
  const recs = new Map((e.reconciliation || []).map((r) => [r.what, r]));
  const kinds = [...new Set([...recs.keys(), ...byWhat.keys()])].sort();
  if (kinds.length === 0) claims.appendChild(h('p', { class: 'muted' }, lang.t('d.noclaims')));
  for (const what of kinds) {
    const r = recs.get(what);
    const row = h('div', { class: 'claim-row' });
    for (const c of byWhat.get(what) || []) {
      const doc = docs.get(c.document_id);
      const day = doc && doc.published ? doc.published.slice(0, 10) : '';
      row.appendChild(h('div', { class: 'card claim' + (c.modality === 'denied' ? ' is-denied' : ''), 'data-what': what },
        h('div', { class: 'claim-value' }, figureText(c)),
        h('dl', null,
          h('dt', null, lang.t('c.speaker')), h('dd', { class: 'claim-speaker', dir: 'auto' }, c.speaker),
          h('dt', null, lang.t('c.outlet')), h('dd', { dir: 'auto' }, c.outlet || ''),
          h('dt', null, lang.t('c.date')), h('dd', null, day),
          h('dt', null, lang.t('c.modality')), h('dd', null, lang.modality(c.modality))),
        c.text && h('q', { class: 'claim-quote', dir: 'auto' }, c.text)));
    }
    if (r) {
      const range = r.min === r.max ? fmtNum(r.min) : `${fmtNum(r.min)}–${fmtNum(r.max)}`;
      row.appendChild(h('div', { class: 'card reconciliation' + (r.conflict ? ' is-conflict' : '') },
        h('div', { class: 'rec-title' }, lang.t('d.reconciliation')),
        h('dl', null,
          h('dt', null, lang.t('r.range')), h('dd', null, (r.approx ? '~' : '') + range),
          h('dt', null, lang.t('r.median')), h('dd', null, fmtNum(r.median)),
          h('dt', null, lang.t('r.most')), h('dd', null, `${fmtNum(r.most_attributed)} (${lang.n(r.support, 'r.support')})`)),
        h('div', { class: 'muted' }, `${lang.n(r.n_claims, 'r.claims')} · ${lang.n(r.n_sources, 'r.sources')} · ${lang.n(r.n_reports, 'r.reports')}`),
        r.conflict && h('span', { class: 'flag conflict' }, lang.t('d.conflict')),
        r.denied && h('span', { class: 'flag denied' }, lang.t('d.denied'))));
    }
    claims.appendChild(h('div', { class: 'claim-group' }, h('h4', null, what), row));
  }

  // Source sentences.
  const srcs = h('section', { class: 'sources' }, h('h3', null, lang.t('d.sources')), spanLegend(lang));
  fill(el, head, claims, srcs);
  // One block per document, with the sentences of all its mentions.
  const byDoc = new Map();
  for (const m of e.mentions || []) {
    if (!byDoc.has(m.document_id)) byDoc.set(m.document_id, []);
    byDoc.get(m.document_id).push(m.index);
  }
  const views = [...byDoc.keys()].map((id) => api.get('/api/documents/' + encodeURIComponent(id)).catch((err) => err));
  let i = 0;
  for (const [id, indices] of byDoc) {
    const dv = await views[i++];
    if (dv instanceof Error) {
      srcs.appendChild(h('p', { class: 'muted' }, `${id}: ${dv.message}`));
      continue;
    }
    const d = dv.document;
    srcs.appendChild(h('div', { class: 'source' },
      h('div', { class: 'source-head' },
        d.url ? h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, d.title || d.id) : h('span', { dir: 'auto' }, d.title || d.id),
        ' · ', d.outlet || '', ' · ', d.published ? d.published.slice(0, 10) : ''),
      sentences(lang, dv.sentences, indices)));
  }
  return e;
}
