// Table tests of the address classifier (S1 literals, S3 IPv6 embeddings), the operator allowlist
// (S12) and URL syntax (S9 schemes, S10 tricks, S2 encodings judged without opening any socket).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAddress, isAllowedAddress, parseAllowNetworks } from '../../src/adapters/http/ip-policy.js';
import { parseTargetUrl } from '../../src/adapters/http/parse-target-url.js';
import { assertTargetAllowed } from '../../src/adapters/http/assert-target-allowed.js';
import { resolveAllowed } from '../../src/adapters/http/guarded-lookup.js';
import { rejectsWith, stubDns } from './gate-fixtures.js';

const BLOCKED: Array<[string, string]> = [
  // S1
  ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback'], ['0.0.0.0', 'unspecified'], ['::1', 'loopback'],
  ['::', 'unspecified'], ['169.254.169.254', 'metadata'], ['10.0.0.1', 'private'], ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'], ['192.168.0.1', 'private'], ['100.64.0.1', 'carrierGradeNat'],
  ['100.127.255.254', 'carrierGradeNat'], ['100.100.100.200', 'metadata'], ['192.0.0.192', 'reserved'],
  ['fd00:ec2::254', 'metadata'], ['fe80::1', 'linkLocal'], ['fe80::1%eth0', 'linkLocal'], ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'reserved'], ['240.0.0.1', 'reserved'], ['198.18.0.1', 'reserved'], ['198.19.255.1', 'reserved'],
  ['169.254.1.1', 'linkLocal'], ['fc00::1', 'uniqueLocal'], ['fd12:3456::1', 'uniqueLocal'], ['ff02::1', 'multicast'],
  ['192.0.2.1', 'reserved'], ['2001:db8::1', 'reserved'], ['fec0::1', 'siteLocal'],
  // S3: IPv4 embedded in IPv6 is unwrapped and judged as IPv4
  ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['::ffff:a9fe:a9fe', 'metadata'],
  ['::ffff:10.1.2.3', 'private'], ['::ffff:0:7f00:1', 'loopback'], ['64:ff9b::a9fe:a9fe', 'metadata'],
  ['64:ff9b::7f00:1', 'loopback'], ['64:ff9b::a00:1', 'private'], ['2002:7f00:1::', 'loopback'],
  ['2002:a9fe:a9fe::1', 'metadata'], ['2002:c0a8:1::', 'private'], ['::127.0.0.1', 'loopback'], ['::7f00:1', 'loopback'],
  ['::a00:1', 'private'], ['64:ff9b:1::1', 'rfc6052'], ['2001::1', 'teredo'],
  // shorthand IPv4 forms a resolver might hand back
  ['127.1', 'loopback'], ['0x7f.1', 'loopback'], ['2130706433', 'loopback'],
  ['not-an-ip', 'invalid'], ['', 'invalid'], ['1.2.3.4.5', 'invalid'],
];

const PUBLIC = ['93.184.216.34', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4007:80e::200e',
  '::ffff:8.8.8.8', '64:ff9b::5db8:d822', '2002:808:808::1', '100.63.255.255', '100.128.0.0', '172.32.0.1',
  '198.20.0.1', '169.253.255.255', '223.255.255.255'];

for (const [addr, range] of BLOCKED) {
  test(`classifier blocks ${addr || '(empty)'} as ${range}`, () => {
    const c = classifyAddress(addr);
    assert.equal(c.public, false);
    assert.equal(c.range, range);
  });
}

for (const addr of PUBLIC) {
  test(`classifier accepts public ${addr}`, () => {
    assert.deepEqual([addr, classifyAddress(addr).public], [addr, true]);
  });
}

test('parseAllowNetworks reads CIDRs and bare addresses', () => {
  assert.equal(parseAllowNetworks('').length, 0);
  assert.equal(parseAllowNetworks(' 10.20.0.5/32 , 127.0.0.2, fd12::/64,::1 ').length, 4);
});

for (const bad of ['10.0.0.5/8', '127.1/32', '2130706433', 'example.com', '10.0.0.0/33', '::1/129', '10.0.0.0/x', '10.0.0.0/8/1', '*']) {
  test(`parseAllowNetworks refuses "${bad}" with CONFIG_INVALID`, () => {
    assert.throws(() => parseAllowNetworks(`127.0.0.2/32,${bad}`), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'CONFIG_INVALID');
      assert.match(err.message, new RegExp(bad.replace(/[.*/+?^${}()|[\]\\]/g, '\\$&')));
      return true;
    });
  });
}

test('S12: an allowlist entry /32 allows exactly that one address', () => {
  const allow = parseAllowNetworks('10.20.0.5/32');
  const cases: Array<[string, boolean]> = [['10.20.0.5', true], ['::ffff:10.20.0.5', true], ['10.20.0.4', false],
    ['10.20.0.6', false], ['10.20.0.0', false], ['127.0.0.1', false], ['169.254.169.254', false], ['8.8.8.8', true]];
  assert.deepEqual(cases.map(([a]) => [a, isAllowedAddress(a, allow)]), cases);
  assert.equal(isAllowedAddress('10.20.0.5', []), false, 'default list is empty');
  assert.equal(isAllowedAddress('fd12::1', parseAllowNetworks('fd12::/64')), true);
  assert.equal(isAllowedAddress('fd12:0:0:1::1', parseAllowNetworks('fd12::/64')), false);
});

for (const raw of ['file:///etc/passwd', 'file:x', 'ftp://example.com/', 'gopher://example.com/', 'data:text/plain,hi',
  'javascript:alert(1)', 'ws://example.com/', 'wss://example.com/', 'source:http://127.0.0.1/', 'blob:http://x/1']) {
  test(`S9: scheme of ${raw} is refused`, () => {
    assert.throws(() => parseTargetUrl(raw), { code: 'UNSUPPORTED_SCHEME' });
  });
}

for (const raw of ['http://evil.com\\@127.0.0.1/', 'http://127.0.0.1\\@evil.com/', 'http://u:p@example.com/',
  'http://u@example.com/', 'http://exa mple.com/', 'http://example.com/\u0000', 'http://example.com/\n/x', ' http://example.com/',
  'http://example.com/\u2028', `http://example.com/${'a'.repeat(2040)}`, 'http://', 'not a url', 'http://[::1/']) {
  test(`S10: ${JSON.stringify(raw.slice(0, 40))} is BAD_URL`, () => {
    assert.throws(() => parseTargetUrl(raw), { code: 'BAD_URL' });
  });
}

test('S10: a fragment cannot smuggle a second host; the parsed host is the one judged', () => {
  const url = parseTargetUrl('http://127.1.1.1:80#@127.2.2.2:80');
  assert.equal(url.hostname, '127.1.1.1');
  assert.throws(() => assertTargetAllowed(url, []), { code: 'SSRF_BLOCKED' });
  assert.equal(parseTargetUrl('https://example.com/a?b=c').href, 'https://example.com/a?b=c');
});

// S2 for the encodings of non-loopback targets: judged without dialling (the loopback ones go
// through the real fetcher against a canary in ssrf-fetch.test.ts).
for (const [raw, expected] of [['http://0251.00376.000251.0000376/', '169.254.169.254'], ['http://3232235521/', '192.168.0.1'],
  ['http://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254'], ['http://10.1/', '10.0.0.1'], ['http://[::ffff:a9fe:a9fe]/', '[::ffff:a9fe:a9fe]'],
  ['http://[64:ff9b::a9fe:a9fe]/', '[64:ff9b::a9fe:a9fe]'], ['http://[2002:7f00:1::]/', '[2002:7f00:1::]'],
  ['http://[::127.0.0.1]/', '[::7f00:1]'], ['http://[fd00:ec2::254]/latest/', '[fd00:ec2::254]'], ['http://100.100.100.200/', '100.100.100.200']]) {
  test(`S2/S3: ${raw} normalises to ${expected} and is blocked before any socket`, () => {
    const url = parseTargetUrl(raw!);
    assert.equal(url.hostname, expected);
    assert.throws(() => assertTargetAllowed(url, []), { code: 'SSRF_BLOCKED' });
  });
}

test('S4: a name with any non-public record is refused (mixed public + private answers, no socket)', async () => {
  const dns = stubDns({ 'mixed.test': ['93.184.216.34', '10.0.0.5'], 'meta.test': ['2606:4700::1', 'fd00:ec2::254'],
    'public.test': ['93.184.216.34', '2606:4700:4700::1111'], 'empty.test': [] });
  await rejectsWith(resolveAllowed('mixed.test', dns, []), 'SSRF_BLOCKED', 'mixed');
  await rejectsWith(resolveAllowed('meta.test', dns, []), 'SSRF_BLOCKED', 'meta');
  await rejectsWith(resolveAllowed('nowhere.test', dns, []), 'DNS_ERROR', 'nxdomain');
  await rejectsWith(resolveAllowed('empty.test', dns, []), 'DNS_ERROR', 'no records');
  assert.equal((await resolveAllowed('public.test', dns, [])).length, 2);
  for (const name of ['localhost', 'localhost.', 'LOCALHOST', 'a.b.localhost']) {
    await rejectsWith(resolveAllowed(name, dns, []), 'SSRF_BLOCKED', name);
  }
  assert.equal([...dns.calls.keys()].some((n) => n.toLowerCase().includes('localhost')), false, 'localhost never asked of DNS');
});
