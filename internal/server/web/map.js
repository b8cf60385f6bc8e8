// The map: an offline Natural Earth basemap (no tile server), one marker
// per place sized by its number of events and coloured by its most
// frequent type, clustered when dense.
import basemap from './basemap.js';
import { h } from './dom.js';
import { chip } from './render.js';
import * as api from './api.js';

export class EventMap {
  constructor(el, lang, { onOpen, onMove }) {
    const L = window.L;
    this.lang = lang;
    this.onOpen = onOpen;
    this.map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5, attributionControl: true });
    this.map.attributionControl.setPrefix('Leaflet');
    L.geoJSON(basemap, {
      interactive: false,
      style: () => ({ color: '#fff', weight: 0.8, fillColor: '#dfe3e6', fillOpacity: 1 }),
      attribution: 'Natural Earth',
    }).addTo(this.map);
    this.map.setView([35, 39], 5);
    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: (c) => this.clusterIcon(c),
    });
    this.map.addLayer(this.cluster);
    this.map.on('moveend', () => onMove && onMove(this.bbox()));
    this.filters = {};
    this.fitted = false;
  }

  bbox() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
      .map((v) => v.toFixed(4)).join(',');
  }

  // show draws the per-place counts of /api/stats.
  show(byPlace, filters) {
    const L = window.L;
    this.filters = filters;
    const places = new Map();
    for (const c of byPlace) {
      if (c.lat === undefined || c.lon === undefined || c.lat === null) continue;
      let p = places.get(c.key);
      if (!p) {
        p = { key: c.key, name: c.place || c.key, lat: c.lat, lon: c.lon, n: 0, types: {} };
        places.set(c.key, p);
      }
      p.n += c.n;
      p.types[c.type] = (p.types[c.type] || 0) + c.n;
    }
    this.cluster.clearLayers();
    const markers = [];
    for (const p of places.values()) {
      const top = Object.entries(p.types).sort((a, b) => b[1] - a[1])[0][0];
      const size = Math.round(16 + 10 * Math.sqrt(p.n));
      const icon = L.divIcon({
        className: 'mk',
        html: h('div', { class: 'mk-dot t-' + top }, String(p.n)),
        iconSize: [size, size],
      });
      const m = L.marker([p.lat, p.lon], { icon, title: p.name, keyboard: true });
      m.place = p;
      m.top = top;
      m.on('click', () => this.popup(m));
      markers.push(m);
    }
    this.cluster.addLayers(markers);
    if (!this.fitted && markers.length) {
      this.fitted = true;
      this.map.fitBounds(L.latLngBounds(core([...places.values()])).pad(0.2), { maxZoom: 7, animate: false });
    }
  }

  clusterIcon(c) {
    const L = window.L;
    let n = 0;
    const types = {};
    for (const m of c.getAllChildMarkers()) {
      n += m.place.n;
      types[m.top] = (types[m.top] || 0) + m.place.n;
    }
    const top = Object.entries(types).sort((a, b) => b[1] - a[1])[0][0];
    const size = Math.round(22 + 10 * Math.sqrt(n));
    return L.divIcon({ className: 'mk mk-cluster', html: h('div', { class: 'mk-dot t-' + top }, String(n)), iconSize: [size, size] });
  }

  async popup(m) {
    const L = window.L;
    const p = m.place;
    const body = h('div', { class: 'popup' },
      h('div', { class: 'popup-title' }, p.name),
      h('div', { class: 'popup-types' }, Object.entries(p.types).map(([t, n]) => h('span', null, chip(this.lang, t), ' ', String(n), ' '))));
    const pop = L.popup({ maxWidth: 320 }).setLatLng(m.getLatLng()).setContent(body).openOn(this.map);
    try {
      const page = await api.get('/api/events', api.query({ ...this.filters, bbox: '', place: p.key, limit: 10 }));
      const ul = h('ul', { class: 'popup-list' });
      for (const e of page.events) {
        ul.appendChild(h('li', null, h('a', { href: '#/event/' + encodeURIComponent(e.id), class: 'popup-event' },
          chip(this.lang, e.type), ' ', e.date || '')));
      }
      body.appendChild(ul);
      if (page.next) body.appendChild(h('div', { class: 'muted' }, this.lang.t('popup.more')));
      pop.update();
    } catch (err) {
      body.appendChild(h('div', { class: 'muted' }, String(err.message)));
    }
  }

  invalidate() { this.map.invalidateSize(); }
}

// core returns the positions of the places around the weighted median of
// all of them (within 15 degrees), so that a few far-off places do not zoom
// the first view out to the whole world.
function core(places) {
  const median = (key) => {
    const xs = places.map((p) => [p[key], p.n]).sort((a, b) => a[0] - b[0]);
    const half = xs.reduce((s, x) => s + x[1], 0) / 2;
    let acc = 0;
    for (const [v, n] of xs) {
      acc += n;
      if (acc >= half) return v;
    }
    return xs[xs.length - 1][0];
  };
  const lat = median('lat');
  const lon = median('lon');
  const near = places.filter((p) => Math.abs(p.lat - lat) <= 15 && Math.abs(p.lon - lon) <= 15);
  return (near.length ? near : places).map((p) => [p.lat, p.lon]);
}
