// Site rule lookup: host and parent domains, longest domain first, caller rules before the built-in table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SITE_RULES, findSiteRule } from '../../src/core/extract/site-rules.js';

test('the table is sorted by domain and every rule has a content selector', () => {
  const domains = Object.keys(SITE_RULES);
  assert.deepEqual(domains, [...domains].sort());
  for (const d of ['syriahr.com', 'enabbaladi.net', 'france24.com', 'aljazeera.net', 'aljazeera.com', 'lorientlejour.com', 'npasyria.com', 'alaraby.co.uk', 'aawsat.com']) {
    assert.ok(SITE_RULES[d]?.content, d);
  }
});

const cases: Array<[string, string, string | undefined]> = [
  ['exact host', 'https://syriahr.com/x', 'syriahr.com'],
  ['www subdomain', 'https://www.syriahr.com/fr/1/', 'syriahr.com'],
  ['deep subdomain, upper case', 'https://News.France24.com/fr/', 'france24.com'],
  ['look-alike host is not a subdomain', 'https://evilsyriahr.com/x', undefined],
  ['unknown host', 'https://example.org/', undefined],
  ['not a URL', 'not a url', undefined],
];
for (const [name, url, domain] of cases) {
  test(`findSiteRule: ${name}`, () => assert.equal(findSiteRule(url), domain === undefined ? undefined : SITE_RULES[domain]));
}

test('caller rules beat the table, and the longest matching domain wins', () => {
  const extra = { 'syriahr.com': { content: '.a' }, 'fr.syriahr.com': { content: '.b' } };
  assert.equal(findSiteRule('https://www.syriahr.com/', extra)?.content, '.a');
  assert.equal(findSiteRule('https://fr.syriahr.com/', extra)?.content, '.b');
  assert.equal(findSiteRule('https://www.france24.com/', extra), SITE_RULES['france24.com']);
});
