// Email rendering: subject hygiene and bound, headers, HTML escaping, highlight, right-to-left text, digest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SUBJECT_CHARS, renderAlertEmail, renderDigestEmail } from '../../src/core/render/email-message.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';
import { makeAlert, makeArticle, makeMatch, makeSubscription } from './alert-fixture.js';

const BASE = {
  alert: makeAlert(),
  article: makeArticle(),
  subscription: makeSubscription(),
  sourceName: 'OSDH',
  unsubscribeUrl: 'https://vigie.example.test/v1/unsubscribe/tok_abc',
  deliveryId: 'msg_abcdefghijklmnopqrstuvwxyz234567',
  domain: 'vigie.example.test',
};

const BAD_TITLES: Array<[string, string]> = [
  ['CRLF + Bcc injection', 'Breaking\r\nBcc: victim@example.test\r\nX-Injected: yes'],
  ['bare LF', 'Breaking\nBcc: victim@example.test'],
  ['bare CR', 'Breaking\rBcc: victim@example.test'],
  ['NUL, BEL, ESC', 'Break\u0000ing\u0007 \u001b[31mred'],
  ['C1 NEL', 'Breaking\u0085Bcc: x@example.test'],
  ['U+2028 / U+2029', 'Breaking\u2028Bcc: x\u2029y'],
  ['U+202E bidi override', 'Invoice \u202Egnp.exe'],
  ['isolates and embeddings', '\u2066a\u2069\u202Ab\u202C'],
];
for (const [name, title] of BAD_TITLES) {
  test(`subject from a title with ${name} is one clean line`, () => {
    const { subject } = renderAlertEmail({ ...BASE, article: makeArticle({ title }) });
    assert.doesNotMatch(subject, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    assert.ok(subject.startsWith('[Deir ez-Zor] '));
  });
}

test('a 5 000-character title gives a subject of at most 200 characters plus …', () => {
  const { subject } = renderAlertEmail({ ...BASE, article: makeArticle({ title: 'Boukamal '.repeat(556) }) });
  assert.ok(subject.length <= MAX_SUBJECT_CHARS + 1, `length ${subject.length}`);
  assert.ok(subject.endsWith('…'));
});

test('headers: Message-ID from the delivery id, RFC 8058 one-click unsubscribe', () => {
  const { headers } = renderAlertEmail(BASE);
  assert.deepEqual(headers, {
    'Message-ID': '<msg_abcdefghijklmnopqrstuvwxyz234567@vigie.example.test>',
    'List-Unsubscribe': '<https://vigie.example.test/v1/unsubscribe/tok_abc>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  });
});

const BAD_ENVELOPE: Array<[string, Partial<typeof BASE>]> = [
  ['an unsubscribe URL that closes the angle bracket', { unsubscribeUrl: 'https://a.test/>, <mailto:x@evil.test' }],
  ['an unsubscribe URL with CRLF', { unsubscribeUrl: 'https://a.test/\r\nBcc: x@evil.test' }],
  ['a non-https unsubscribe URL', { unsubscribeUrl: 'javascript:alert(1)' }],
  ['a domain with a space', { domain: 'vigie example' }],
  ['a delivery id with @', { deliveryId: 'msg_a@b' }],
];
for (const [name, over] of BAD_ENVELOPE) {
  test(`refuses ${name}`, () => {
    assert.throws(() => renderAlertEmail({ ...BASE, ...over }), (e: unknown) => isVigieError(e) && e.code === 'CONFIG_INVALID');
  });
}

test('HTML part escapes <script>, event handlers and quotes; javascript: URLs are not links', () => {
  const { html, text } = renderAlertEmail({
    ...BASE,
    article: makeArticle({ title: '<script>alert(1)</script><img src=x onerror="steal()">', url: 'javascript:alert(2)' }),
    sourceName: '"><svg onload=x>',
    alert: makeAlert({ matches: [makeMatch({ snippet: 'a <b onclick=x>«Boukamal»</b> & co', name: '<i>Boukamal</i>' })] }),
  });
  for (const raw of ['<script>', '<img', '<svg', '<b onclick', '<i>Boukamal', 'javascript:']) {
    assert.ok(!html.includes(raw), `HTML contains ${raw}`);
  }
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('&quot;&gt;&lt;svg onload=x&gt;'));
  assert.ok(text.includes('<script>alert(1)</script>'), 'text part keeps the title as plain text');
});

test('the snippet highlights the hit with <mark>, shows source, time, region path and link', () => {
  const { html, text } = renderAlertEmail(BASE);
  assert.ok(html.includes('près de <mark>Boukamal</mark>, dans la province'));
  assert.ok(html.includes('<bdi>OSDH</bdi>'));
  assert.ok(html.includes('2026-02-28 09:15 UTC'));
  assert.ok(html.includes('<bdi>Boukamal</bdi> › <bdi>Deir ez-Zor</bdi> › <bdi>Syria</bdi>'));
  assert.ok(html.includes('href="https://www.syriahr.com/fr/12345/?utm=x&amp;id=1"'));
  assert.ok(html.includes('href="https://vigie.example.test/v1/unsubscribe/tok_abc"'));
  assert.ok(text.includes('près de «Boukamal», dans la province'));
  assert.ok(text.includes('Matched: Boukamal (Boukamal › Deir ez-Zor › Syria)'));
  assert.ok(text.includes('https://www.syriahr.com/fr/12345/?utm=x&id=1'));
  assert.ok(text.includes('Unsubscribe: https://vigie.example.test/v1/unsubscribe/tok_abc'));
});

test('French guillemets in the sentence do not move the highlight off the hit', () => {
  const snippet = 'Selon l’OSDH, « des tirs » ont visé «Boukamal» hier.';
  const { html } = renderAlertEmail({ ...BASE, alert: makeAlert({ matches: [makeMatch({ snippet })] }) });
  assert.ok(html.includes('« des tirs » ont visé <mark>Boukamal</mark> hier.'));
});

test('an Arabic article renders right to left; names are isolated with <bdi>', () => {
  const article = makeArticle({ lang: 'ar', title: 'غارة بطائرة مسيرة قرب البوكمال', url: 'https://www.syriahr.com/ar/1/' });
  const alert = makeAlert({ matches: [makeMatch({ surface: 'البوكمال', snippet: 'استهدفت طائرة مسيرة سيارة قرب «البوكمال» في ريف دير الزور', name: 'البوكمال', path: ['البوكمال', 'دير الزور'] })] });
  const { html, subject } = renderAlertEmail({ ...BASE, article, alert, sourceName: 'المرصد السوري' });
  assert.match(html, /<h2 dir="rtl" lang="ar"[^>]*><a href="https:\/\/www\.syriahr\.com\/ar\/1\/">غارة بطائرة مسيرة قرب البوكمال<\/a><\/h2>/);
  assert.match(html, /<blockquote dir="rtl" lang="ar"[^>]*>استهدفت طائرة مسيرة سيارة قرب <mark>البوكمال<\/mark>/);
  assert.ok(html.includes('<bdi>المرصد السوري</bdi>'));
  assert.ok(subject.includes('غارة بطائرة مسيرة قرب البوكمال'));
});

test('a French or untagged article lets each block find its direction (dir="auto")', () => {
  const { html } = renderAlertEmail({ ...BASE, article: makeArticle({ lang: undefined }) });
  assert.match(html, /<h2 dir="auto"/);
  assert.doesNotMatch(html, /dir="rtl"/);
});

test('digest: three alerts in one email, each with its highlight, a counted subject, one unsubscribe', () => {
  const items = ['Boukamal', 'Al-Mayadin', 'Hajin'].map((place, i) => ({
    alert: makeAlert({ id: `alr_${i}`, matches: [makeMatch({ name: place, surface: place, snippet: `Frappe à «${place}» ce matin.` })] }),
    article: makeArticle({ id: `art_${i}`, title: `Frappe à ${place}`, url: `https://example.test/${i}` }),
    sourceName: 'OSDH',
  }));
  const digest = renderDigestEmail({ ...BASE, items, period: 'daily' });
  assert.equal(digest.subject, '[Deir ez-Zor] 3 alerts (daily digest)');
  for (const [i, place] of ['Boukamal', 'Al-Mayadin', 'Hajin'].entries()) {
    assert.ok(digest.html.includes(`<mark>${place}</mark>`), place);
    assert.ok(digest.html.includes(`href="https://example.test/${i}"`));
    assert.ok(digest.text.includes(`Frappe à «${place}» ce matin.`));
  }
  assert.equal(digest.html.split('>Unsubscribe</a>').length - 1, 1);
  assert.equal(digest.headers['Message-ID'], '<msg_abcdefghijklmnopqrstuvwxyz234567@vigie.example.test>');
});

test('digest: more than 100 alerts are counted, and the rest announced', () => {
  const items = Array.from({ length: 130 }, (_, i) => ({ alert: makeAlert({ id: `alr_${i}` }), article: makeArticle({ title: `T${i}` }), sourceName: 'OSDH' }));
  const digest = renderDigestEmail({ ...BASE, items, period: 'hourly' });
  assert.equal(digest.subject, '[Deir ez-Zor] 130 alerts (hourly digest)');
  assert.ok(digest.text.includes('30 more alerts not shown.'));
  assert.equal(digest.html.split('<h2 ').length - 1, 100);
});
