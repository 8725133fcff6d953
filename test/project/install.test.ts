// What a new user meets first: `npm ci` on the Node the project declares, then the README's
// start command. Both are read from the files a user reads, so they cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { repoRoot as root } from '../harness/paths.js';
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string }; scripts: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean }>;
};

test('every locked dependency supports the oldest Node the project declares (npm ci prints no engine warning)', () => {
  const oldest = semver.minVersion(pkg.engines.node);
  assert.ok(oldest, `engines.node ${pkg.engines.node} names a version`);
  const refusing = Object.entries(lock.packages)
    .filter(([where]) => where !== '')
    .flatMap(([where, entry]) => {
      const wanted = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      return wanted && !semver.satisfies(oldest, wanted) ? [`${where}@${entry.version} wants node ${wanted}`] : [];
    });
  assert.deepEqual(refusing, []);
});

test("the README's start command runs the local build, not a copy npx installs and rebuilds first", () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const quickStart = readme.slice(readme.indexOf('## Quick start'));
  const block = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? '';
  const startLine = block.split('\n').find((l) => /embedded default/.test(l)) ?? '';
  assert.match(startLine, /^npm ci && /, 'the start line installs first');
  assert.doesNotMatch(startLine, /\bnpx\b/);
  const npmScript = /npm (?:run )?(\w+)/.exec(startLine.replace(/^npm ci && /, ''))?.[1];
  assert.ok(npmScript && pkg.scripts[npmScript], `the start line runs a package script (${startLine})`);
  assert.match(pkg.scripts[npmScript], /^node bin\/vigie\.js start\b/);
  // The same holds for every command the README shows.
  assert.deepEqual(readme.split('\n').filter((l) => /^\s*npx vigie\b/.test(l) || /`npx vigie [a-z]/.test(l)), []);
});
