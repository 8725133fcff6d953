// The webhook outcome table: what each status or gate error means for the delivery.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyWebhookResponse, type WebhookOutcome } from '../../src/core/deliver/classify-webhook-response.js';
import { VigieError } from '../../src/core/errors/vigie-error.js';
import type { ErrorCode } from '../../src/core/errors/error-codes.js';

const STATUS: Array<[number, WebhookOutcome, string]> = [
  [200, 'submitted', 'http_200'], [201, 'submitted', 'http_201'], [202, 'submitted', 'http_202'], [204, 'submitted', 'http_204'],
  [301, 'retry', 'redirect_301_not_followed'], [302, 'retry', 'redirect_302_not_followed'],
  [307, 'retry', 'redirect_307_not_followed'], [308, 'retry', 'redirect_308_not_followed'],
  [400, 'retry', 'http_400'], [401, 'retry', 'http_401'], [404, 'retry', 'http_404'], [408, 'retry', 'http_408'],
  [410, 'gone', 'http_410_gone'], [429, 'retry', 'http_429_throttled'],
  [500, 'retry', 'http_500'], [502, 'retry', 'http_502'], [503, 'retry', 'http_503'], [504, 'retry', 'http_504'],
  [99, 'retry', 'http_invalid_status_99'],
];
for (const [status, outcome, reason] of STATUS) {
  test(`status ${status} -> ${outcome}`, () => {
    assert.deepEqual(classifyWebhookResponse({ status }), { outcome, reason });
  });
}

test('Retry-After is carried for 429 and 503, not for a 2xx', () => {
  assert.equal(classifyWebhookResponse({ status: 429, retryAfterMs: 120_000 }).retryAfterMs, 120_000);
  assert.equal(classifyWebhookResponse({ status: 503, retryAfterMs: 5_000 }).retryAfterMs, 5_000);
  assert.equal(classifyWebhookResponse({ status: 200, retryAfterMs: 5_000 }).retryAfterMs, undefined);
});

const ERRORS: Array<[ErrorCode, WebhookOutcome, string]> = [
  ['FETCH_TIMEOUT', 'retry', 'timeout'],
  ['FETCH_CONNECT', 'retry', 'connect_error'],
  ['TLS_ERROR', 'retry', 'tls_error'],
  ['DNS_ERROR', 'retry', 'dns_error'],
  ['SSRF_BLOCKED', 'failed-permanent', 'ssrf_blocked'],
  ['BAD_URL', 'failed-permanent', 'bad_url'],
  ['UNSUPPORTED_SCHEME', 'failed-permanent', 'unsupported_scheme'],
  ['REDIRECT_NOT_ALLOWED', 'retry', 'redirect_not_followed'],
  ['BAD_ENCODING', 'failed-permanent', 'bad_encoding'],
];
for (const [code, outcome, reason] of ERRORS) {
  test(`gate error ${code} -> ${outcome}`, () => {
    assert.deepEqual(classifyWebhookResponse({ error: new VigieError(code, 'safe-fetch', 'x') }), { outcome, reason });
  });
}

test('an unexpected non-vigie error is retried, with a generic reason', () => {
  assert.deepEqual(classifyWebhookResponse({ error: new TypeError('boom') }), { outcome: 'retry', reason: 'unexpected_error' });
});
