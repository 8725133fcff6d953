// `vigie subscriptions add|show` and `vigie sources add` against a private Redis: `show` prints a
// summary a person reads (the raw object stays behind --json), and the CLI refuses the webhook and
// source URLs the API refuses, with the same codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestRedis, type TestRedis } from '../harness/redis-server.js';
import { tinyConfigDir } from '../harness/config-dir.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';

let redis: TestRedis;
let configDir: string;

before(async () => {
  redis = await startTestRedis();
  configDir = tinyConfigDir();
});
after(async () => { await redis.close(); });

const vigie = (args: string[], env: Record<string, string> = {}) =>
  runCliCaptured(args, { REDIS_URL: redis.url, VIGIE_PREFIX: 'subscli', VIGIE_CONFIG_DIR: configDir, ...env });

test('subscriptions show prints a readable summary; --json keeps the raw object', async () => {
  const added = await vigie(['subscriptions', 'add', '--name', 'Deir watch', '--region', 'Deir ez-Zor', '--query', 'drone OR frappe',
    '--webhook', 'https://hooks.example/vigie', '--email', 'desk@news.example', '--digest', 'daily', '--json']);
  assert.equal(added.code, 0, added.stderr);
  const { id, secret } = JSON.parse(added.stdout) as { id: string; secret: string };

  const shown = await vigie(['subscriptions', 'show', id]);
  assert.equal(shown.code, 0, shown.stderr);
  const lines = shown.stdout.split('\n');
  assert.equal(lines[0], `${id}  Deir watch  (active, owner cli)`, shown.stdout);
  assert.ok(lines.includes('  regions    sy-deir-ez-zor (Deir ez-Zor)'), shown.stdout);
  assert.ok(lines.includes('  query      drone OR frappe'), shown.stdout);
  assert.ok(lines.some((l) => /^ {2}channels {3}wh_[0-9a-f]+ +webhook https:\/\/hooks\.example\/vigie \(standard\)$/.test(l)), shown.stdout);
  assert.ok(lines.some((l) => /^ {13}em_[0-9a-f]+ +email desk@news\.example \(daily digest\)$/.test(l)), shown.stdout);
  assert.ok(lines.includes('  alerts     none yet'), shown.stdout);
  assert.equal(shown.stdout.includes('{'), false, 'no raw JSON in the summary');
  assert.equal(shown.stdout.includes(secret), false, 'never the secret');

  const raw = await vigie(['subscriptions', 'show', id, '--json']);
  assert.equal(raw.code, 0, raw.stderr);
  const view = JSON.parse(raw.stdout) as { id: string; regions: string[]; recentAlerts: string[] };
  assert.equal(view.id, id);
  assert.deepEqual(view.regions, ['sy-deir-ez-zor']);
  assert.deepEqual(view.recentAlerts, []);
});

// The same table as the API's (test/api/subscriptions.test.ts): what the API answers 422 to, the CLI refuses.
const refusedWebhooks = [
  { name: 'private address', url: 'https://10.1.2.3/hook', code: 'URL_NOT_PUBLIC' },
  { name: 'cloud metadata', url: 'http://169.254.169.254/latest', code: 'URL_NOT_PUBLIC' },
  { name: 'loopback by name', url: 'https://localhost:9000/hook', code: 'URL_NOT_PUBLIC' },
  { name: 'plain http to a public host', url: 'http://hooks.example/vigie', code: 'HTTPS_REQUIRED' },
];

for (const c of refusedWebhooks) {
  test(`subscriptions add refuses a webhook URL the API refuses: ${c.name} (${c.code})`, async () => {
    const res = await vigie(['subscriptions', 'add', '--name', 'x', '--region', 'Syria', '--webhook', c.url]);
    assert.equal(res.code, 1, res.stdout);
    assert.match(res.stderr, new RegExp(`^error ${c.code}: .*--webhook`, 'm'));
  });
}

test('subscriptions add takes http to a receiver inside VIGIE_ALLOW_NETWORKS, as the API does', async () => {
  const res = await vigie(['subscriptions', 'add', '--name', 'local', '--region', 'Syria', '--webhook', 'http://127.0.0.1:9000/hook'],
    { VIGIE_ALLOW_NETWORKS: '127.0.0.1/32' });
  assert.equal(res.code, 0, res.stderr);
});

test('sources add refuses a source URL on a non-public address (URL_NOT_PUBLIC), as the API does', async () => {
  const res = await vigie(['sources', 'add', 'http://192.168.1.10/rss', '--id', 'lan']);
  assert.equal(res.code, 1, res.stdout);
  assert.match(res.stderr, /^error URL_NOT_PUBLIC: .*192\.168\.1\.10/m);
  const list = await vigie(['sources', 'list', '--json']);
  assert.deepEqual(JSON.parse(list.stdout), [], 'nothing stored');
});
