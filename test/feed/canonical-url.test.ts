// Table tests for link canonicalisation and item identity (RELIABILITY H12, H13).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl } from '../../src/core/feed/canonical-url.js';
import { itemIdentity } from '../../src/core/feed/item-identity.js';

const URL_CASES: [string, string, string | undefined, string | undefined][] = [
  ['absolute URL unchanged', 'https://example.com/a/b', undefined, 'https://example.com/a/b'],
  ['fragment removed', 'https://example.com/a#top', undefined, 'https://example.com/a'],
  ['host lowercased', 'HTTPS://WWW.Example.COM/Path', undefined, 'https://www.example.com/Path'],
  ['default https port removed', 'https://example.com:443/x', undefined, 'https://example.com/x'],
  ['default http port removed', 'http://example.com:80/x', undefined, 'http://example.com/x'],
  ['other port kept', 'http://example.com:8080/x', undefined, 'http://example.com:8080/x'],
  ['utm_* removed', 'https://e.com/a?utm_source=rss&utm_medium=feed&id=3', undefined, 'https://e.com/a?id=3'],
  ['click ids removed', 'https://e.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&ocid=7', undefined, 'https://e.com/a'],
  ['xtor and at_* removed', 'https://e.com/a?xtor=RSS-1&at_medium=x&at_campaign=y&p=2', undefined, 'https://e.com/a?p=2'],
  ['remaining params sorted', 'https://e.com/a?z=1&b=2&a=3', undefined, 'https://e.com/a?a=3&b=2&z=1'],
  ['same name keeps order', 'https://e.com/a?t=2&t=1', undefined, 'https://e.com/a?t=2&t=1'],
  ['percent-encoding kept', 'https://e.com/a?q=caf%C3%A9%20noir', undefined, 'https://e.com/a?q=caf%C3%A9%20noir'],
  ['relative against base', '../b/c?x=1', 'https://e.com/a/feed.xml', 'https://e.com/b/c?x=1'],
  ['root-relative against base', '/news/1', 'http://e.com/rss', 'http://e.com/news/1'],
  ['protocol-relative', '//cdn.e.com/x', 'https://e.com/', 'https://cdn.e.com/x'],
  ['whitespace trimmed', '  https://e.com/x \n', undefined, 'https://e.com/x'],
  ['credentials dropped', 'https://user:pw@e.com/x', undefined, 'https://e.com/x'],
  ['IDN host to punycode', 'https://bücher.example/x', undefined, 'https://xn--bcher-kva.example/x'],
  ['javascript: rejected', 'javascript:alert(1)', 'https://e.com/', undefined],
  ['data: rejected', 'data:text/html,<script>alert(1)</script>', undefined, undefined],
  ['mailto: rejected', 'mailto:a@e.com', undefined, undefined],
  ['file: rejected', 'file:///etc/passwd', undefined, undefined],
  ['empty rejected', '', 'https://e.com/', undefined],
  ['relative without base rejected', '/a/b', undefined, undefined],
  ['garbage rejected', 'http://', undefined, undefined],
  ['bad base falls back to absolute link', 'https://e.com/x', 'not a url', 'https://e.com/x'],
];

for (const [name, raw, base, expected] of URL_CASES) {
  test(`canonicalUrl: ${name}`, () => {
    assert.equal(canonicalUrl(raw, base), expected);
  });
}

test('itemIdentity: guid wins over link and title', () => {
  assert.equal(itemIdentity({ guid: ' tag:e.com,2024:1 ', url: 'https://e.com/a', title: 'T' }), 'tag:e.com,2024:1');
});

test('itemIdentity: without guid, the canonical link', () => {
  assert.equal(itemIdentity({ url: 'https://E.com/a?utm_source=x#c', title: 'T' }), 'https://e.com/a');
  assert.equal(itemIdentity({ guid: '   ', url: 'https://e.com/a', title: 'T' }), 'https://e.com/a');
});

test('itemIdentity: without guid or usable link, h: + sha256 of title and link', () => {
  const a = itemIdentity({ title: 'Frappe de drone près de Boukamal' });
  assert.match(a, /^h:[0-9a-f]{64}$/);
  assert.equal(itemIdentity({ title: 'Frappe de drone près de Boukamal' }), a, 'stable');
  assert.notEqual(itemIdentity({ title: 'Autre titre' }), a);
  assert.notEqual(itemIdentity({ title: 'ab', url: 'javascript:c' }), itemIdentity({ title: 'a', url: 'bjavascript:c' }));
});

test('itemIdentity: a huge guid is hashed with the g: prefix', () => {
  const key = itemIdentity({ guid: 'x'.repeat(5000) });
  assert.match(key, /^g:[0-9a-f]{64}$/);
});

test('itemIdentity: re-polling unchanged content gives the same keys', () => {
  const items = [{ guid: 'a' }, { url: 'https://e.com/1?utm_campaign=z' }, { title: 'no link' }];
  const first = items.map(itemIdentity);
  for (let i = 0; i < 10; i += 1) assert.deepEqual(items.map(itemIdentity), first);
});
