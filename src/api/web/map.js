// vigie web page: the map of recent alerts and the alerts-per-day timeline. Draws SVG with d3-geo over
// the shipped outlines (/map/boundaries.json, Natural Earth); no tiles, nothing from the internet.
// Uses api() and el() of app.js; user text only ever goes in with textContent.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAP_W = 720, MAP_H = 560;
const TL_W = 720, TL_LABEL = 170, TL_ROW = 30, TL_AXIS = 18;
/** Countries the map frames (Syria, Iraq, Lebanon, Jordan, Israel, Palestine); the others are context. */
const FOCUS = new Set(['SY', 'IQ', 'LB', 'JO', 'IL', 'PS']);
const mapState = { topo: null, projection: null, selected: null, timer: 0, loading: false, again: false };

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== undefined && c !== null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

async function loadOutlines() {
  if (mapState.topo) return mapState.topo;
  const res = await fetch('/map/boundaries.json');
  if (!res.ok) throw new Error('map outlines: HTTP ' + res.status);
  mapState.topo = await res.json();
  const countries = topojson.feature(mapState.topo, mapState.topo.objects.countries);
  const focus = { type: 'FeatureCollection', features: countries.features.filter((f) => FOCUS.has(f.id)) };
  // A margin around the framed countries shows a strip of their neighbours (Turkey, Iran, Saudi Arabia).
  mapState.projection = d3.geoMercator().fitExtent([[40, 36], [MAP_W - 40, MAP_H - 36]], focus);
  return mapState.topo;
}

/** Sea, countries, governorate lines, country borders, focus-country labels: drawn once. */
function drawOutlines(root) {
  const topo = mapState.topo;
  const path = d3.geoPath(mapState.projection);
  const countries = topojson.feature(topo, topo.objects.countries).features;
  root.append(
    svg('rect', { class: 'sea', x: 0, y: 0, width: MAP_W, height: MAP_H }),
    svg('g', { class: 'countries' }, countries.map((f) => svg('path', { d: path(f), class: FOCUS.has(f.id) ? 'land focus' : 'land', 'data-country': f.id },
      svg('title', {}, f.properties.name)))),
    svg('path', { class: 'governorate-lines', d: path(topojson.mesh(topo, topo.objects.governorates, (a, b) => a !== b)) }),
    svg('path', { class: 'country-lines', d: path(topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b)) }),
    svg('g', { class: 'country-labels' }, countries.filter((f) => FOCUS.has(f.id)).map((f) => {
      const [x, y] = path.centroid(f);
      // A small country's name kept inside the frame (Israel sits on the map's western edge).
      return svg('text', { x: Math.min(MAP_W - 40, Math.max(40, x)).toFixed(1), y: y.toFixed(1) }, f.properties.name);
    })),
  );
}

function radius(count) {
  return Math.min(24, 5 + 3.2 * Math.sqrt(count - 1));
}

function drawPoints(root, data) {
  const byId = new Map(data.alerts.map((a) => [a.id, a]));
  // Largest first, so a small point next to a big one stays on top and clickable.
  const groups = data.groups.slice().sort((a, b) => b.count - a.count);
  root.append(svg('g', { class: 'points' }, groups.map((g) => {
    const [x, y] = mapState.projection([g.coords[1], g.coords[0]]);
    const names = g.places.map((p) => p.name).join(', ');
    const node = svg('g', { class: 'point', 'data-group': g.id, 'data-count': g.count, tabindex: 0, role: 'button',
      'aria-label': g.count + ' alert' + (g.count === 1 ? '' : 's') + ': ' + names, transform: 'translate(' + x.toFixed(1) + ',' + y.toFixed(1) + ')' },
    svg('circle', { r: radius(g.count).toFixed(1) }),
    g.count > 1 ? svg('text', { dy: '0.35em' }, String(g.count)) : null,
    svg('title', {}, names + ' (' + g.count + ')'));
    const open = () => { selectGroup(node, g, byId); };
    node.addEventListener('click', open);
    node.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(); } });
    return node;
  })));
}

function selectGroup(node, g, byId) {
  for (const p of document.querySelectorAll('#map .point.selected')) p.classList.remove('selected');
  node.classList.add('selected');
  mapState.selected = g.id;
  const names = state.subNames || new Map();
  const alerts = g.alertIds.map((id) => byId.get(id)).filter(Boolean);
  $('map-list').replaceChildren(
    el('h3', { dir: 'auto' }, g.places.map((p) => p.name + (g.places.length > 1 ? ' (' + p.count + ')' : '')).join(', ')),
    el('p', { class: 'muted' }, alerts.length + ' alert' + (alerts.length === 1 ? '' : 's')),
    el('ol', { class: 'map-alerts' }, alerts.map((a) => el('li', { 'data-alert': a.id },
      el('div', { dir: 'auto', class: 'title' }, a.url && /^https?:/.test(a.url)
        ? el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, a.title || a.url) : (a.title || a.id)),
      el('div', { class: 'meta' }, a.createdAt.slice(0, 16).replace('T', ' '), ' · ', el('span', { dir: 'auto' }, a.placeName || ''),
        ' · for ', a.subscriptionIds.flatMap((id, k) => [k ? ' + ' : '', el('span', { dir: 'auto', class: 'sub-name' }, names.get(id) || id)]))))));
}

/** One row of bars per series (the total, then each region of the subscription), a day per bar. */
function drawTimeline(t) {
  const rows = [{ id: '', name: 'all alerts', counts: t.total }, ...t.series];
  const height = rows.length * TL_ROW + TL_AXIS;
  const box = $('timeline');
  box.setAttribute('viewBox', '0 0 ' + TL_W + ' ' + height);
  const step = (TL_W - TL_LABEL) / Math.max(1, t.days.length);
  const max = Math.max(1, ...rows.flatMap((r) => r.counts));
  const parts = rows.map((r, k) => {
    const top = k * TL_ROW;
    return svg('g', { class: 'tl-row' + (k === 0 ? ' total' : ''), 'data-series': r.id || 'total' },
      svg('text', { class: 'tl-label', x: TL_LABEL - 8, y: top + TL_ROW / 2 + 4 }, r.name.length > 24 ? [r.name.slice(0, 23) + '…', svg('title', {}, r.name)] : r.name),
      svg('line', { class: 'tl-base', x1: TL_LABEL, x2: TL_W, y1: top + TL_ROW - 2, y2: top + TL_ROW - 2 }),
      r.counts.map((c, i) => {
        const h = c === 0 ? 0 : Math.max(2, (c / max) * (TL_ROW - 8));
        return svg('rect', { class: 'tl-bar', 'data-day': t.days[i], 'data-count': c, x: (TL_LABEL + i * step + 1).toFixed(1), y: (top + TL_ROW - 2 - h).toFixed(1),
          width: Math.max(1, step - 2).toFixed(1), height: h.toFixed(1) }, svg('title', {}, t.days[i] + ': ' + c + ' alert' + (c === 1 ? '' : 's') + ' (' + r.name + ')'));
      }));
  });
  const ticks = [0, Math.floor((t.days.length - 1) / 2), t.days.length - 1].filter((v, i, all) => all.indexOf(v) === i);
  const anchor = (i) => (i === 0 ? 'start' : i === t.days.length - 1 ? 'end' : 'middle');
  const axis = svg('g', { class: 'tl-axis' }, ticks.map((i) => svg('text', { x: (TL_LABEL + (anchor(i) === 'start' ? i * step : anchor(i) === 'end' ? (i + 1) * step : (i + 0.5) * step)).toFixed(1), y: height - 4, 'text-anchor': anchor(i) }, t.days[i])));
  box.replaceChildren(...parts, axis);
  $('timeline-note').textContent = t.series.length ? '(all alerts, then each region of the subscription with its sub-regions)' : '';
}

async function loadMapSubscriptions() {
  const data = await api('GET', '/v1/subscriptions');
  const select = $('map-sub');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, 'all subscriptions'),
    ...data.subscriptions.map((s) => el('option', { value: s.id, selected: s.id === chosen }, s.name)));
}

async function loadMap() {
  if (!state.key) return;
  // A change made while a load is in flight (a new period, another subscription) loads again after it.
  if (mapState.loading) { mapState.again = true; return; }
  mapState.loading = true;
  mapState.again = false;
  try {
    await loadOutlines();
    const sub = $('map-sub').value;
    const data = await api('GET', '/v1/alerts/map?days=' + $('map-days').value + (sub ? '&subscription=' + encodeURIComponent(sub) : ''));
    const root = $('map');
    // The outlines do not change: drawn on the first load, only the points are replaced after that.
    if (!root.querySelector('.countries')) drawOutlines(root);
    root.querySelector('.points')?.remove();
    drawPoints(root, data);
    const placed = data.alerts.length - data.unplaced;
    $('map-summary').textContent = placed + ' alert' + (placed === 1 ? '' : 's') + ' on the map'
      + (data.unplaced ? ', ' + data.unplaced + ' with no place (actors or keywords only)' : '') + '.';
    drawTimeline(data.timeline);
    const again = mapState.selected && root.querySelector('.point[data-group="' + CSS.escape(mapState.selected) + '"]');
    if (again) again.dispatchEvent(new Event('click'));
  } catch (err) {
    flash(describeError(err), true);
  } finally {
    mapState.loading = false;
    if (mapState.again) loadMap();
  }
}

document.addEventListener('vigie:signed-in', () => {
  loadMapSubscriptions().then(loadMap).catch((e) => flash(describeError(e), true));
  clearInterval(mapState.timer);
  mapState.timer = setInterval(() => { if (!document.hidden) loadMap(); }, 15_000);
});

document.addEventListener('DOMContentLoaded', () => {
  $('map-sub').addEventListener('change', () => { mapState.selected = null; loadMap(); });
  $('map-days').addEventListener('change', loadMap);
  $('map-refresh').addEventListener('click', () => { loadMapSubscriptions().then(loadMap); });
});
