// Slack-compatible message: mrkdwn escaping of every outside string, link form, highlight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMrkdwn, renderSlackMessage } from '../../src/core/render/slack-message.js';
import { makeAlert, makeArticle, makeMatch, makeSubscription } from './alert-fixture.js';

const ESCAPES: Array<[string, string, string]> = [
  ['ampersand', 'A & B', 'A &amp; B'],
  ['angle brackets', '<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
  ['channel ping', '<!channel> alert', '&lt;!channel&gt; alert'],
  ['fake link', '<https://evil.test|bank>', '&lt;https://evil.test|bank&gt;'],
  ['existing entity is escaped again', '&amp;', '&amp;amp;'],
];
for (const [name, input, expected] of ESCAPES) {
  test(`escapeMrkdwn: ${name}`, () => assert.equal(escapeMrkdwn(input), expected));
}

test('hostile title, source and snippet are escaped everywhere in text and blocks', () => {
  const msg = renderSlackMessage({
    alert: makeAlert({ matches: [makeMatch({ snippet: '<!here> near «Boukamal» & <@U123>' })] }),
    article: makeArticle({ title: '<!channel> Strike & <https://evil.test|click>' }),
    subscription: makeSubscription({ name: 'Deir <ez> Zor' }),
    sourceName: 'OSDH <script>',
  });
  const all = JSON.stringify(msg);
  for (const raw of ['<!channel>', '<!here>', '<@U123>', '<https://evil.test', '<script>', '<ez>']) {
    assert.ok(!all.includes(raw), `unescaped ${raw}`);
  }
  assert.ok(msg.text.includes('&lt;!channel&gt; Strike &amp;'));
});

test('title links to the article, the hit is bold, the region path is shown', () => {
  const msg = renderSlackMessage({ alert: makeAlert(), article: makeArticle(), subscription: makeSubscription(), sourceName: 'OSDH' });
  const blocks = JSON.stringify(msg.blocks);
  assert.ok(blocks.includes('<https://www.syriahr.com/fr/12345/?utm=x&amp;id=1|Frappe de drone près de Boukamal>'));
  assert.ok(blocks.includes('*Boukamal*'));
  assert.ok(blocks.includes('Boukamal › Deir ez-Zor › Syria'));
});

test('a | or > in the URL cannot end the link target early', () => {
  const msg = renderSlackMessage({ alert: makeAlert(), article: makeArticle({ url: 'https://example.test/a|b>c' }), subscription: makeSubscription(), sourceName: 'OSDH' });
  assert.ok(JSON.stringify(msg.blocks).includes('<https://example.test/a%7Cb%3Ec|'));
});

test('every block text is within Slack limits even for a 1 MB title', () => {
  const msg = renderSlackMessage({ alert: makeAlert(), article: makeArticle({ title: 'x'.repeat(1_000_000) }), subscription: makeSubscription(), sourceName: 'OSDH' });
  assert.ok(msg.text.length <= 3000);
  for (const b of msg.blocks) assert.ok(JSON.stringify(b).length < 3500);
});
