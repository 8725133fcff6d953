// The admin channels for source-health events are checked with the rest of the environment, every
// problem at once: a webhook needs its signing secret (and the other way round), an email needs SMTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envProblems } from '../harness/env-problems.js';
import { adminChannelIds } from '../../src/core/deliver/admin-channels.js';

const SECRET = 'whsec_' + Buffer.alloc(32, 7).toString('base64');

const problems = envProblems;

const cases: Array<[string, Record<string, string>, RegExp[]]> = [
  ['none set: no admin channel, no problem', {}, []],
  ['a webhook with its secret', { VIGIE_ADMIN_WEBHOOK_URL: 'https://ops.example.org/hooks', VIGIE_ADMIN_WEBHOOK_SECRET: SECRET }, []],
  ['a webhook without a secret is refused', { VIGIE_ADMIN_WEBHOOK_URL: 'https://ops.example.org/hooks' }, [/VIGIE_ADMIN_WEBHOOK_SECRET: required with VIGIE_ADMIN_WEBHOOK_URL/]],
  ['a secret without a webhook is refused', { VIGIE_ADMIN_WEBHOOK_SECRET: SECRET }, [/VIGIE_ADMIN_WEBHOOK_URL: required/]],
  ['a secret that is not whsec_ + base64', { VIGIE_ADMIN_WEBHOOK_URL: 'https://ops.example.org/hooks', VIGIE_ADMIN_WEBHOOK_SECRET: 'short!' }, [/VIGIE_ADMIN_WEBHOOK_SECRET: must be whsec_/]],
  ['an ftp webhook', { VIGIE_ADMIN_WEBHOOK_URL: 'ftp://ops.example.org/', VIGIE_ADMIN_WEBHOOK_SECRET: SECRET }, [/VIGIE_ADMIN_WEBHOOK_URL: must be http/]],
  ['an email with SMTP', { VIGIE_ADMIN_EMAIL: 'ops@example.org', SMTP_URL: 'smtp://127.0.0.1:2525' }, []],
  ['an email without SMTP is refused', { VIGIE_ADMIN_EMAIL: 'ops@example.org' }, [/VIGIE_ADMIN_EMAIL: needs SMTP_URL/]],
  ['two addresses are not one mailbox', { VIGIE_ADMIN_EMAIL: 'a@example.org, b@example.org', SMTP_URL: 'smtp://127.0.0.1:2525' }, [/VIGIE_ADMIN_EMAIL: must be one plain email address/]],
  ['every problem at once', { VIGIE_ADMIN_WEBHOOK_URL: 'https://ops.example.org/hooks', VIGIE_ADMIN_EMAIL: 'ops@example.org' }, [/SECRET: required/, /EMAIL: needs SMTP_URL/]],
];
for (const [name, env, expected] of cases) {
  test(`admin channels env: ${name}`, () => {
    const found = problems(env);
    assert.equal(found.length, expected.length, found.join('; '));
    for (const re of expected) assert.ok(found.some((p) => re.test(p)), `${re} in ${found.join('; ')}`);
  });
}

test('admin channels: a webhook counts only with its secret; the email on its own', () => {
  assert.deepEqual(adminChannelIds({}), []);
  assert.deepEqual(adminChannelIds({ webhookUrl: 'https://x.example/', webhookSecret: SECRET, email: 'ops@example.org' }), ['webhook', 'email']);
  assert.deepEqual(adminChannelIds({ webhookUrl: 'https://x.example/' }), []);
  assert.deepEqual(adminChannelIds({ email: 'ops@example.org' }), ['email']);
});
