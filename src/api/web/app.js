// vigie web page: plain DOM code, no build step. User text is only ever set with textContent (never
// innerHTML) and carries dir="auto", so Arabic and other right-to-left text shows correctly.
'use strict';

const state = { key: sessionStorage.getItem('vigie.key') || '', me: null, regions: new Map(), actors: new Map(), timer: 0 };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

async function api(method, url, body) {
  const res = await fetch(url, {
    method, headers: { authorization: 'Bearer ' + state.key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error((data && data.error && data.error.message) || ('HTTP ' + res.status));
    err.status = res.status; err.data = data;
    throw err;
  }
  return data;
}

function flash(text, isError) {
  const f = $('flash');
  f.textContent = text; f.hidden = !text; f.className = 'flash' + (isError ? ' error' : '');
}

function describeError(err) {
  const e = err.data && err.data.error;
  if (!e) return err.message;
  if (e.details && e.details.issues) return e.message;
  if (e.details && e.details.problems) return e.details.problems.join('; ');
  return e.message;
}

// ---------- sign in ----------
async function signIn(key) {
  state.key = key;
  try {
    state.me = await api('GET', '/v1/me');
  } catch (err) {
    state.key = ''; sessionStorage.removeItem('vigie.key');
    flash(err.status === 401 ? 'That key is not valid.' : describeError(err), true);
    return;
  }
  sessionStorage.setItem('vigie.key', key);
  $('signin').hidden = true; $('whoami').hidden = false; $('app').hidden = false;
  $('who').textContent = state.me.name + ' (' + state.me.role + ')';
  $('who').setAttribute('dir', 'auto');
  $('admin').hidden = state.me.role !== 'admin';
  flash('');
  await Promise.all([loadRoots(), loadActors(), loadSubscriptions(), loadAlerts(), loadSources(), loadCandidates()]);
  clearInterval(state.timer);
  state.timer = setInterval(() => { loadAlerts(); if (state.me.role === 'admin') loadSources(); }, 2000);
  // The map (map.js) loads on its own once a key is known.
  document.dispatchEvent(new CustomEvent('vigie:signed-in'));
}

function signOut() {
  sessionStorage.removeItem('vigie.key');
  location.reload();
}

// ---------- regions (tree + search) and actors ----------
function entityLabel(e) {
  return el('span', {}, el('span', { dir: 'auto' }, e.names.en), ' ', el('span', { dir: 'auto', lang: 'ar', class: 'kind' }, e.names.ar), e.type ? el('span', { class: 'kind' }, ' · ' + e.type) : null);
}

function checkbox(e, map) {
  const box = el('input', { type: 'checkbox', value: e.id, 'data-entity': e.id });
  box.checked = map.has(e.id);
  box.addEventListener('change', () => { if (box.checked) map.set(e.id, e); else map.delete(e.id); syncChecks(); renderChosen(); });
  return box;
}

function syncChecks() {
  for (const box of document.querySelectorAll('input[data-entity]')) box.checked = state.regions.has(box.value) || state.actors.has(box.value);
}

function treeNode(e) {
  const li = el('li', {});
  const children = el('ul', { hidden: true });
  const toggle = el('button', { type: 'button', class: 'toggle', 'aria-label': 'expand' }, e.childCount > 0 ? '▸' : '·');
  if (e.childCount > 0) {
    toggle.addEventListener('click', async () => {
      if (!children.hidden) { children.hidden = true; toggle.textContent = '▸'; return; }
      if (!children.childElementCount) {
        const data = await api('GET', '/v1/entities?parent=' + encodeURIComponent(e.id) + '&kind=region&limit=500');
        for (const c of data.entities) children.append(treeNode(c));
      }
      children.hidden = false; toggle.textContent = '▾';
    });
  }
  li.append(toggle, el('label', { class: 'inl' }, checkbox(e, state.regions), ' ', entityLabel(e)), children);
  return li;
}

async function loadRoots() {
  const data = await api('GET', '/v1/entities?kind=region&roots=true&limit=200');
  const tree = $('region-tree');
  tree.replaceChildren(...data.entities.map(treeNode));
}

let searchSeq = 0;
async function searchRegions() {
  const q = $('region-search').value.trim();
  const seq = ++searchSeq;
  if (!q) { $('region-results').replaceChildren(); return; }
  const data = await api('GET', '/v1/entities?kind=region&limit=15&search=' + encodeURIComponent(q));
  if (seq !== searchSeq) return;
  // The API's label names the kind and the parent path, so the governorate and its same-name city read
  // apart ("Deir ez-Zor (governorate, Syria)", "Deir ez-Zor (town, ... › Syria)"); the API lists the governorate first.
  $('region-results').replaceChildren(...data.entities.map((e) => el('li', {},
    el('label', { class: 'inl' }, checkbox(e, state.regions), ' ', el('span', { dir: 'auto', class: 'label' }, e.label), ' ', el('span', { dir: 'auto', lang: 'ar', class: 'kind' }, e.names.ar)))));
}

async function loadActors() {
  const q = $('actor-search').value.trim();
  const url = q ? '/v1/entities?kind=actor&limit=50&search=' + encodeURIComponent(q) : '/v1/entities?kind=actor&limit=300';
  const data = await api('GET', url);
  $('actor-list').replaceChildren(...data.entities.map((e) => el('li', {}, el('label', { class: 'inl' }, checkbox(e, state.actors), ' ', entityLabel(e)))));
}

function renderChosen() {
  const chips = [...state.regions.values(), ...state.actors.values()].map((e) => el('span', { class: 'chip', dir: 'auto', title: e.label }, e.names.en + (e.type ? ' · ' + e.type : ''),
    el('button', { type: 'button', 'aria-label': 'remove ' + e.names.en, onclick: () => { state.regions.delete(e.id); state.actors.delete(e.id); syncChecks(); renderChosen(); } }, '×')));
  $('chosen').replaceChildren(...(chips.length ? chips : [el('span', { class: 'muted' }, 'nothing yet')]));
}

// ---------- live query validation ----------
let queryTimer = 0;
function onQueryInput() {
  clearTimeout(queryTimer);
  queryTimer = setTimeout(checkQuery, 250);
}
async function checkQuery() {
  const input = $('sub-query');
  const box = $('query-error');
  // A query refused before it is read (too deep: 422 with the same error fields) shows like a syntax error.
  const data = await api('POST', '/v1/query/check', { query: input.value })
    .catch((err) => { if (err.status === 422 && err.data) return { valid: false, error: { ...err.data.error, ...err.data.error.details } }; throw err; });
  input.classList.toggle('invalid', !data.valid);
  input.classList.toggle('valid', data.valid && !data.empty);
  box.hidden = data.valid;
  if (!data.valid) {
    box.textContent = data.error.message.replace(/^query: /, '');
    box.setAttribute('data-position', String(data.error.position));
  }
  return data.valid;
}

// ---------- form ----------
function draft() {
  return {
    regions: [...state.regions.keys()],
    actors: [...state.actors.keys()],
    languages: [...document.querySelectorAll('input[name=lang]:checked')].map((x) => x.value),
    ...($('sub-query').value.trim() ? { query: $('sub-query').value.trim() } : {}),
    ...eventFilter(),
  };
}

/** Event types ticked and the fewest killed, as the API names them (absent when not asked). */
function eventFilter() {
  const events = [...document.querySelectorAll('input[name=event]:checked')].map((x) => x.value);
  const min = $('min-killed').value.trim();
  return { ...(events.length ? { events } : {}), ...(min !== '' ? { minKilled: Number(min) } : {}) };
}

/** The main event's one-line summary ("Drone strike · 6 killed · ..."), when the article reports one. */
function eventLine(events) {
  const main = events && events[0];
  return main && main.type !== 'none' ? el('div', { class: 'event' }, main.summary) : null;
}

function channel() {
  const type = document.querySelector('input[name=channel]:checked').value;
  return type === 'webhook'
    ? { type, url: $('webhook-url').value.trim(), format: $('webhook-format').value }
    : { type, address: $('email-address').value.trim(), mode: $('email-mode').value };
}

function onChannelChange() {
  const type = document.querySelector('input[name=channel]:checked').value;
  $('webhook-fields').hidden = type !== 'webhook';
  $('email-fields').hidden = type !== 'email';
}

async function save(ev) {
  ev.preventDefault();
  try {
    const body = { name: $('sub-name').value.trim(), ...draft(), channels: [channel()] };
    const data = await api('POST', '/v1/subscriptions', body);
    const secret = data.secrets && data.secrets[0];
    $('secret-box').hidden = !secret;
    if (secret) $('secret').textContent = secret.secret;
    flash('Subscription "' + data.subscription.name + '" saved.');
    await loadSubscriptions();
  } catch (err) {
    flash(describeError(err), true);
  }
}

// ---------- try it (backtest) with highlighted hits ----------
/** A field's text with every hit in it marked, by offsets into the original text. */
function markedText(text, matches) {
  const spans = matches.slice().sort((a, b) => a.start - b.start);
  const out = el('span', { dir: 'auto' });
  let pos = 0;
  for (const m of spans) {
    if (m.start < pos) continue;
    out.append(text.slice(pos, m.start), el('mark', {}, text.slice(m.start, m.end)));
    pos = m.end;
  }
  out.append(text.slice(pos));
  return out;
}

/** Hits in the same sentence shown once, each hit marked (the matcher writes the hit as «surface»). */
function groupedSnippets(matches) {
  const groups = new Map();
  for (const m of matches) {
    const marker = '«' + m.surface + '»';
    const at = m.snippet.indexOf(marker);
    if (at < 0) continue;
    const plain = m.snippet.slice(0, at) + m.surface + m.snippet.slice(at + marker.length);
    const spans = groups.get(plain) || [];
    spans.push({ start: at, end: at + m.surface.length });
    groups.set(plain, spans);
  }
  return [...groups].slice(0, 3).map(([plain, spans]) => markedText(plain, spans));
}

function articleItem(a, extra) {
  const titleHits = a.matches.filter((m) => m.field === 'title');
  const snippets = groupedSnippets(a.matches.filter((m) => m.field !== 'title'));
  return el('li', {},
    el('div', { class: 'title' }, a.url && /^https?:/.test(a.url) ? el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, markedText(a.title || a.url, titleHits)) : markedText(a.title || '', titleHits)),
    el('div', { class: 'meta' }, [a.sourceId, a.lang, (a.published || a.fetchedAt || '').slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '),
      ' · ', a.matches.map((m) => m.name).filter((v, i, all) => all.indexOf(v) === i).join(', ')),
    eventLine(a.events),
    ...snippets.map((s) => el('div', { class: 'snippet' }, s)),
    extra ? el('div', { class: 'meta' }, extra) : null);
}

async function tryIt() {
  try {
    const data = await api('POST', '/v1/backtest', { ...draft(), days: 7 });
    $('try-results').hidden = false;
    // One alert per story, as the workers send them: the story's later articles are listed on it.
    $('try-summary').textContent = data.alerts.length + ' alert' + (data.alerts.length === 1 ? '' : 's') + ' in the last 7 days (' + data.scanned + ' article' + (data.scanned === 1 ? '' : 's') + ' scanned)';
    $('try-list').replaceChildren(...data.alerts.map((a) => articleItem(a, a.related.length
      ? 'same story, not sent again: ' + a.related.map((r) => r.title || r.url).join(' · ') : undefined)));
    $('near-box').hidden = data.nearMisses.length === 0;
    $('near-summary').textContent = data.nearMisses.length + ' near miss' + (data.nearMisses.length === 1 ? '' : 'es');
    $('near-list').replaceChildren(...data.nearMisses.map((a) => articleItem(a, 'not sent: ' + a.reason)));
    flash('');
  } catch (err) {
    flash(describeError(err), true);
  }
}

// ---------- lists ----------
async function loadSubscriptions() {
  const data = await api('GET', '/v1/subscriptions');
  $('subs').replaceChildren(...(data.subscriptions.length ? data.subscriptions.map((s) => el('li', {},
    el('strong', { dir: 'auto' }, s.name), ' ',
    el('span', { class: 'muted' }, [...s.regions, ...s.actors].join(', ') + (s.query ? ' · ' + s.query : '')
      + (s.events && s.events.length ? ' · events: ' + s.events.join(', ') : '') + (s.minKilled !== undefined ? ' · killed ≥ ' + s.minKilled : '') + ' → ' + s.channels.map((c) => c.type === 'webhook' ? 'webhook' + (c.disabled ? ' (disabled)' : '') : 'email/' + c.mode + (c.unsubscribed ? ' (unsubscribed)' : '')).join(', ')), ' ',
    el('a', { href: s.feed.url, class: 'small' }, 'Atom feed'), ' ',
    ...s.channels.filter((c) => c.type === 'webhook' && c.disabled).flatMap((c) => enableButtons(s, c)),
    el('button', { type: 'button', class: 'danger', onclick: async () => { if (confirm('Delete "' + s.name + '"?')) { await api('DELETE', '/v1/subscriptions/' + s.id); loadSubscriptions(); } } }, 'delete')))
    : [el('li', { class: 'muted' }, 'none yet')]));
  state.subNames = new Map(data.subscriptions.map((s) => [s.id, s.name]));
}

// A webhook disabled by a 410 holds its alerts; re-enabling it says what happens to them.
function enableButtons(s, c) {
  const enable = (held) => async () => {
    try { const r = await api('POST', '/v1/subscriptions/' + s.id + '/enable', { channelId: c.id, held }); flash('webhook enabled: ' + r.delivered + ' held alert(s) queued, ' + r.discarded + ' discarded'); }
    catch (err) { flash(describeError(err), true); }
    loadSubscriptions(); loadAlerts();
  };
  return [
    el('button', { type: 'button', title: c.disabledReason || 'disabled', onclick: enable('deliver') }, 'enable, send held alerts'), ' ',
    el('button', { type: 'button', onclick: enable('discard') }, 'enable, discard held alerts'), ' ',
  ];
}

function deliveryBadge(d) {
  const title = d.status === 'held' ? 'held since ' + d.heldSince + ': ' + (d.heldReason || 'channel disabled')
    : d.nextAttemptAt ? 'next attempt ' + d.nextAttemptAt + (d.lastError ? ' · ' + d.lastError : '') : (d.lastError || '');
  return el('span', { class: 'status ' + d.status, title }, d.status);
}

async function loadAlerts() {
  if (!state.key) return;
  let data;
  try { data = await api('GET', '/v1/alerts?limit=25'); } catch { return; }
  const names = state.subNames || new Map();
  $('alerts').replaceChildren(...(data.alerts.length ? data.alerts.map((a) => el('tr', { 'data-alert': a.id },
    el('td', {}, a.createdAt.slice(0, 19).replace('T', ' ')),
    el('td', { dir: 'auto' }, names.get(a.subscriptionId) || a.subscriptionId),
    el('td', { dir: 'auto' }, a.article ? (a.article.url && /^https?:/.test(a.article.url) ? el('a', { href: a.article.url, rel: 'noopener noreferrer', target: '_blank' }, a.article.title || a.article.url) : a.article.title) : a.articleId),
    el('td', {}, eventLine(a.events), ...groupedSnippets(a.matches).slice(0, 2).map((s) => el('div', {}, s))),
    el('td', {}, ...(a.deliveries.length ? a.deliveries.map(deliveryBadge) : [el('span', { class: 'status' }, 'digest')]))))
    : [el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'no alerts yet'))]));
}

/** Health as admins are told of it: healthy or unhealthy, since when, and why. */
function healthLine(h) {
  if (!h) return [];
  const since = h.since.slice(0, 16).replace('T', ' ');
  return [el('div', { class: 'small health ' + h.status, 'data-health': h.status, title: h.detail || '' },
    el('span', { class: 'status ' + h.status }, h.status), ' since ' + since + (h.status === 'unhealthy' && h.reason ? ' (' + h.reason + ')' : '')),
    ...(h.status === 'unhealthy' && h.detail ? [el('div', { class: 'small muted' }, h.detail)] : [])];
}

function spanText(n) {
  return n >= 3600 && n % 3600 === 0 ? n / 3600 + ' h' : n >= 60 && n % 60 === 0 ? n / 60 + ' min' : n + ' s';
}

/** The interval the source is polled at now, and why (fixed, the publish rate, quiet, a server hint). */
function intervalLine(s) {
  const p = s.pacing;
  const every = p ? p.scheduledSeconds || p.seconds : s.intervalSeconds;
  const why = p ? p.rule + ': ' + p.reason : s.minIntervalSeconds ? 'adaptive, ' + spanText(s.minIntervalSeconds) + ' to ' + spanText(s.maxIntervalSeconds) : 'set in config';
  return [el('div', { 'data-interval': String(every) }, 'every ' + spanText(every)), el('div', { class: 'muted' }, why)];
}

async function loadSources() {
  if (!state.me || state.me.role !== 'admin') return;
  let data;
  try { data = await api('GET', '/v1/sources'); } catch { return; }
  $('sources').replaceChildren(...data.sources.map((s) => el('tr', {},
    el('td', {}, el('strong', { dir: 'auto' }, s.name), el('div', { class: 'small' }, s.url),
      s.tags && s.tags.length ? el('div', { class: 'small muted', dir: 'auto' }, s.tags.join(' · ')) : null),
    el('td', {}, el('span', { class: 'status ' + s.state.health, title: 'last poll' }, s.state.health), ...healthLine(s.health)),
    el('td', { class: 'small' }, ...intervalLine(s)),
    el('td', {}, (s.state.lastPollAt || '-').slice(0, 19).replace('T', ' ')),
    el('td', { class: 'small', dir: 'auto' }, s.state.lastErrorCode ? s.state.lastErrorCode + ': ' + (s.state.lastErrorMessage || '') : '-'))));
}

async function addAlias(ev) {
  ev.preventDefault();
  const id = $('alias-entity').value.trim();
  const alias = $('alias-text').value.trim();
  try {
    const data = await api('POST', '/v1/entities/' + encodeURIComponent(id) + '/aliases', { lang: $('alias-lang').value, aliases: [alias] });
    flash('«' + alias + '» added to ' + id + ' (entity version ' + data.version + ')');
    $('alias-text').value = '';
  } catch (e) {
    flash(describeError(e), true);
  }
}

// ---------- candidate actors (admins) ----------
function candidateItem(c) {
  const parent = el('input', { class: 'candidate-parent', value: (c.nearActors[0] && c.nearActors[0].id) || '', placeholder: 'parent actor id', autocomplete: 'off', 'aria-label': 'parent actor id' });
  const langs = Object.entries(c.languages).map(([l, n]) => l + ' ' + n).join(', ');
  const decide = async (action) => {
    try {
      const body = action === 'accept' ? (parent.value.trim() ? { parent: parent.value.trim() } : {}) : undefined;
      const data = await api('POST', '/v1/entity-candidates/' + encodeURIComponent(c.key) + '/' + action, body);
      flash(action === 'accept' ? '«' + c.name + '» is now the actor ' + data.entity.id + ' (entity version ' + data.version + ')' : '«' + c.name + '» rejected');
      await loadCandidates();
    } catch (e) {
      flash(describeError(e), true);
    }
  };
  return el('li', { class: 'candidate', 'data-key': c.key },
    el('strong', { dir: 'auto' }, c.name), ' ',
    el('span', { class: 'small muted' }, 'seen ' + c.count + '× · ' + langs + ' · ' + c.sources.join(', ') + ' · since ' + c.firstSeen.slice(0, 10)),
    c.nearActors.length ? el('div', { class: 'small' }, 'near: ' + c.nearActors.slice(0, 3).map((a) => a.id + ' (' + a.count + ')').join(', ')) : null,
    ...c.evidence.map((e) => el('blockquote', { class: 'small', dir: 'auto' }, e.text)),
    el('div', { class: 'row' }, parent,
      el('button', { type: 'button', class: 'accept', onclick: () => decide('accept') }, 'Accept'),
      el('button', { type: 'button', class: 'secondary reject', onclick: () => decide('reject') }, 'Reject')));
}

async function loadCandidates() {
  if (!state.me || state.me.role !== 'admin') return;
  let data;
  try { data = await api('GET', '/v1/entity-candidates'); } catch { return; }
  $('candidates').replaceChildren(...(data.candidates.length ? data.candidates.map(candidateItem) : [el('li', { class: 'muted' }, 'no candidate')]));
}

// ---------- wiring ----------
document.addEventListener('DOMContentLoaded', () => {
  $('signin').addEventListener('submit', (ev) => { ev.preventDefault(); signIn($('key').value.trim()); });
  $('signout').addEventListener('click', signOut);
  $('region-search').addEventListener('input', () => { searchRegions().catch((e) => flash(describeError(e), true)); });
  $('actor-search').addEventListener('input', () => { loadActors().catch((e) => flash(describeError(e), true)); });
  $('sub-query').addEventListener('input', onQueryInput);
  for (const r of document.querySelectorAll('input[name=channel]')) r.addEventListener('change', onChannelChange);
  $('sub-form').addEventListener('submit', save);
  $('try-it').addEventListener('click', tryIt);
  $('refresh').addEventListener('click', loadAlerts);
  $('alias-form').addEventListener('submit', addAlias);
  $('candidates-refresh').addEventListener('click', loadCandidates);
  renderChosen();
  if (state.key) signIn(state.key);
});
