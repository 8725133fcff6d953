// Admin queue page: counts per state and failed jobs of the four queues, with a retry button.
// Data comes from /admin/queues.json with the admin key kept in sessionStorage by the main page.
'use strict';

const key = () => sessionStorage.getItem('vigie.key') || '';
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function flash(text, isError) {
  $('flash').textContent = text; $('flash').hidden = !text; $('flash').className = 'flash' + (isError ? ' error' : '');
}

async function call(method, url) {
  const res = await fetch(url, { method, headers: { authorization: 'Bearer ' + key() } });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error((data && data.error && data.error.message) || ('HTTP ' + res.status));
  return data;
}

async function load() {
  if (!key()) { $('signin').hidden = false; return; }
  let data;
  try { data = await call('GET', '/admin/queues.json?failed=50'); } catch (err) { flash(err.message, true); $('signin').hidden = false; return; }
  $('signin').hidden = true;
  $('queues').replaceChildren(...data.queues.map((q) => el('section', { class: 'card' },
    el('h2', {}, q.name),
    el('table', {}, el('thead', {}, el('tr', {}, ...Object.keys(q.counts).map((s) => el('th', {}, s)))),
      el('tbody', {}, el('tr', {}, ...Object.values(q.counts).map((n) => el('td', {}, n))))),
    q.failed.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'failed job'), el('th', {}, 'name'), el('th', {}, 'reason'), el('th', {}, 'attempts'), el('th', {}, ''))),
      el('tbody', {}, ...q.failed.map((j) => el('tr', {}, el('td', {}, j.id), el('td', {}, j.name), el('td', { dir: 'auto' }, j.failedReason || ''), el('td', {}, j.attemptsMade),
        el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: async () => {
          try { await call('POST', '/admin/queues/' + encodeURIComponent(q.name) + '/jobs/' + encodeURIComponent(j.id) + '/retry'); flash('retried ' + j.id); load(); } catch (err) { flash(err.message, true); }
        } }, 'retry')))))) : el('p', { class: 'muted' }, 'no failed jobs'))));
}

document.addEventListener('DOMContentLoaded', () => {
  $('signin').addEventListener('submit', (ev) => { ev.preventDefault(); sessionStorage.setItem('vigie.key', $('key').value.trim()); load(); });
  load();
  setInterval(load, 5000);
});
