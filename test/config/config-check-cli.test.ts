// `vigie config check` reports, each with its code, everything the runtime refuses at start (a bad
// CIDR, URLs the API would refuse, email without SMTP_URL, subscriptions naming unknown entities), and
// the runtime does refuse exactly those: one list (checkSetup) serves both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { entityDir } from '../harness/config-dir.js';
import { runCliCaptured } from '../harness/run-cli-captured.js';

interface Report { ok: boolean; problems: Array<{ code: string; message: string }> }

/** A config/ with a two-entity catalog, the given sources and subscriptions. */
function configDir(sources: unknown[], subscriptions: unknown[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cfgcheck-'));
  fs.symlinkSync(entityDir({ 'entities.yaml': [
    'entities:',
    '  - {id: sy, kind: region, type: country, names: {en: Syria, fr: Syrie, ar: سوريا}}',
    '  - {id: sy-deir-ez-zor, kind: region, type: governorate, names: {en: Deir ez-Zor, fr: Deir ez-Zor, ar: دير الزور}, parents: [sy]}',
  ].join('\n') }), path.join(dir, 'entities'));
  fs.writeFileSync(path.join(dir, 'sources.yaml'), YAML.stringify({ sources }));
  fs.mkdirSync(path.join(dir, 'subscriptions'));
  fs.writeFileSync(path.join(dir, 'subscriptions', 'desk.yaml'), YAML.stringify({ subscriptions }));
  return dir;
}

const good = { id: 'desk', name: 'Desk', regions: ['Deir ez-Zor'], channels: [{ type: 'webhook', url: 'https://hooks.example/vigie' }] };

async function check(dir: string, env: Record<string, string> = {}): Promise<{ code: number | null; report: Report; stderr: string }> {
  const res = await runCliCaptured(['config', 'check', '--dir', dir, '--json'], env);
  return { code: res.code, report: JSON.parse(res.stdout) as Report, stderr: res.stderr };
}

test('config check passes a config the runtime takes', async () => {
  const { code, report, stderr } = await check(configDir([{ id: 'feed', url: 'https://news.example/rss' }], [good]));
  assert.equal(code, 0, stderr);
  assert.deepEqual(report.problems, []);
});

test('config check reports a bad CIDR in VIGIE_ALLOW_NETWORKS (CONFIG_INVALID), exit 1', async () => {
  const { code, report } = await check(configDir([], [good]), { VIGIE_ALLOW_NETWORKS: '127.0.0.1/32, 10.0.0.1/8' });
  assert.equal(code, 1);
  assert.equal(report.ok, false);
  assert.equal(report.problems.length, 1, JSON.stringify(report.problems));
  assert.equal(report.problems[0]!.code, 'CONFIG_INVALID');
  assert.match(report.problems[0]!.message, /VIGIE_ALLOW_NETWORKS.*10\.0\.0\.1\/8.*host bits/);
});

const refused = configDir([{ id: 'lan', url: 'http://10.1.2.3/rss' }], [
  { id: 'plain-http', name: 'x', regions: ['Syria'], channels: [{ type: 'webhook', url: 'http://hooks.example/vigie' }] },
  { id: 'metadata', name: 'x', regions: ['Syria'], channels: [{ type: 'webhook', url: 'https://169.254.169.254/latest' }] },
  { id: 'mail', name: 'x', regions: ['Syria'], channels: [{ type: 'email', address: 'desk@news.example' }] },
  { id: 'nowhere', name: 'x', regions: ['Atlantis'], channels: [{ type: 'webhook', url: 'https://hooks.example/vigie' }] },
]);
const expected = [
  { code: 'URL_NOT_PUBLIC', where: /sources\.yaml: lan\.url: 10\.1\.2\.3 is a private address/ },
  { code: 'HTTPS_REQUIRED', where: /desk\.yaml: subscriptions\[0\]\.channels\.0\.url/ },
  { code: 'URL_NOT_PUBLIC', where: /desk\.yaml: subscriptions\[1\]\.channels\.0\.url: 169\.254\.169\.254 is a metadata address/ },
  { code: 'SMTP_NOT_CONFIGURED', where: /desk\.yaml: subscriptions\[2\]\.channels\.0: email to desk@news\.example needs SMTP_URL/ },
  { code: 'CONFIG_INVALID', where: /regions\[0\]: no entity named "Atlantis"/ },
];

test('config check reports every URL, mailer and entity problem the runtime refuses, each with its code', async () => {
  const { code, report } = await check(refused);
  assert.equal(code, 1);
  assert.deepEqual(report.problems.map((p) => p.code), expected.map((e) => e.code), JSON.stringify(report.problems, null, 2));
  expected.forEach((e, i) => assert.match(report.problems[i]!.message, e.where));
  const text = await runCliCaptured(['config', 'check', '--dir', refused], {});
  assert.equal(text.code, 1);
  for (const e of expected) assert.match(text.stderr, new RegExp(`^  - ${e.code} `, 'm'));
});

test('the runtime refuses at start what config check reports, and takes it once the settings allow it', async () => {
  const res = await runCliCaptured(['sources', 'list'], { VIGIE_CONFIG_DIR: refused, REDIS_URL: 'redis://127.0.0.1:1' });
  assert.equal(res.code, 1);
  for (const e of expected) assert.match(res.stderr, new RegExp(`${e.code} `));
  assert.doesNotMatch(res.stderr, /REDIS_UNAVAILABLE/, 'refused before any Redis call');
  // With SMTP_URL, the loopback network allowed and http webhooks allowed, only the unknown entity remains.
  const { report } = await check(refused, { SMTP_URL: 'smtp://127.0.0.1:2525', VIGIE_ALLOW_NETWORKS: '10.1.2.3/32,169.254.169.254/32', VIGIE_ALLOW_HTTP_WEBHOOKS: '1' });
  assert.deepEqual(report.problems.map((p) => p.code), ['CONFIG_INVALID']);
});
