// Keeps the arrows pointing inward: the pure core imports no adapter, queue, database, network or
// mail library, and reads neither the environment nor the clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function listTs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTs(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN_IMPORTS = /from\s+['"](bullmq|ioredis|undici|nodemailer|node:http|node:https|node:net|node:dns|node:fs|fastify|pino|(\.\.\/)+(adapters|pipeline|api|cli|config)\/)/;

test('src/core imports no adapter or I/O library', () => {
  const files = listTs(path.join(root, 'src', 'core'));
  assert.ok(files.length > 0, 'src/core has files');
  const offenders = files.filter((f) => FORBIDDEN_IMPORTS.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
});

test('src/core reads neither process.env nor the clock', () => {
  const files = listTs(path.join(root, 'src', 'core'));
  const offenders = files.filter((f) => /process\.env|Date\.now\(\)|new Date\(\)/.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
});

test('only the outbound gate imports an HTTP client', () => {
  const files = [...listTs(path.join(root, 'src')), ...listTs(path.join(root, 'workers'))];
  const gateDir = path.join(root, 'src', 'adapters', 'http');
  const offenders = files.filter((f) => !f.startsWith(gateDir)
    && /from\s+['"](undici|node:http|node:https|http|https)['"]|\.parseURL\(|fromURL\(/.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
});
