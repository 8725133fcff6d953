// The CLI imports only the command it runs (issue 12: an instant CLI): the command table names every
// command with the description its module declares, and a module-load hook shows which command modules
// a run of `vigie` imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { COMMANDS } from '../../src/cli/command-table.js';
import { buildProgram, commandNamed } from '../../src/cli/main.js';
import { repoRoot } from '../harness/paths.js';
import { testCacheDir } from '../harness/vigie-process.js';

test('each command module declares the commands the table names it for, and nothing the table lacks', async () => {
  for (const entry of COMMANDS) {
    const program = new Command('vigie');
    (await entry.load()).register(program);
    assert.ok(program.commands.some((c) => c.name() === entry.name), `${entry.name} is declared by its module`);
    const unlisted = program.commands.map((c) => c.name()).filter((n) => !COMMANDS.some((c) => c.name === n));
    assert.deepEqual(unlisted, [], `${entry.name}'s module declares commands the help would not list`);
  }
});

test('the command a run names, "help X" included; none for bare options', () => {
  assert.equal(commandNamed(['sources', 'list', '--json']), 'sources');
  assert.equal(commandNamed(['help', 'keys']), 'keys');
  assert.equal(commandNamed(['--help']), undefined);
});

test('the program lists every command; only the one being run is more than its name', async () => {
  const help = await buildProgram(['node', 'vigie', '--help']);
  assert.deepEqual(help.commands.map((c) => c.name()).sort(), COMMANDS.map((c) => c.name).sort());
  assert.ok(help.commands.every((c) => c.commands.length === 0 && c.options.length === 0), 'placeholders only');
  const sources = (await buildProgram(['node', 'vigie', 'sources', 'list'])).commands.find((c) => c.name() === 'sources')!;
  assert.ok(sources.commands.some((c) => c.name() === 'add'), 'the real sources command, with its sub-commands');
});

/** The command modules a `vigie` run imports, reported by a module-load hook. */
function commandModulesLoaded(args: string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-hooks-'));
  const hooks = path.join(dir, 'hooks.mjs');
  fs.writeFileSync(hooks, "export async function load(url, context, next) { if (url.includes('/cli/commands/')) process.stderr.write(`loaded ${url}\\n`); return next(url, context); }\n");
  const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
  const r = spawnSync(process.execPath, ['--import', register, path.join(repoRoot, 'bin', 'vigie.js'), ...args], { encoding: 'utf8', env: { ...process.env, VIGIE_CACHE_DIR: testCacheDir } });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 0, r.stderr);
  return [...r.stderr.matchAll(/^loaded .*\/cli\/commands\/([a-z-]+)\.js$/gm)].map((m) => m[1]!).sort();
}

test('vigie --help imports no command module; vigie keys --help imports the keys module only', () => {
  assert.deepEqual(commandModulesLoaded(['--help']), []);
  assert.deepEqual(commandModulesLoaded(['keys', '--help']), ['keys']);
});
