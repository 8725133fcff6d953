// Everything a process checks before it starts: the environment, the config files, and the rules the
// running service applies to what they declare (the URL rule, subscriptions that resolve, a mailer for
// email channels). `vigie start` and every command refuse what this finds; `vigie config check` prints
// the same list with codes, so the two cannot disagree.
import { VigieError, isVigieError } from '../core/errors/vigie-error.js';
import { buildEntityGraph } from '../core/match/entity-graph.js';
import { buildSubscription } from '../core/subscriptions/build-subscription.js';
import { checkTargetUrl, urlPolicy } from './check-target-url.js';
import { configDir } from './config-dir.js';
import { loadEnv, type Env } from './env.js';
import { readConfig, type ConfigProblem, type ReadEntities, type VigieConfig } from './load-config.js';

export interface Setup { env: Env; config: VigieConfig }

function problemsOf(err: unknown): ConfigProblem[] {
  if (!isVigieError(err)) throw err;
  const listed = Array.isArray(err.details.problems) ? (err.details.problems as string[]) : [err.message];
  return listed.map((message) => ({ code: err.code, message }));
}

/** What the runtime would refuse in the declared sources and subscriptions, given a valid environment. */
function checkDeclared(env: Env, config: VigieConfig, entitiesRead: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const attempt = (fn: () => void) => { try { fn(); } catch (err) { problems.push(...problemsOf(err)); } };
  const policy = urlPolicy(env);
  const sourcesFile = `${config.dir}/sources.yaml`;
  for (const source of config.sources) attempt(() => checkTargetUrl(source.url, 'source', policy, `${sourcesFile}: ${source.id}.url`));
  const graph = entitiesRead && config.subscriptions.length > 0 ? buildEntityGraph(config.entities) : undefined;
  for (const declared of config.subscriptions) {
    declared.input.channels.forEach((c, i) => {
      const field = `${declared.origin}.channels.${i}`;
      if (c.type === 'webhook') attempt(() => checkTargetUrl(c.url, 'webhook', policy, `${field}.url`));
      else if (!env.SMTP_URL) {
        problems.push({ code: 'SMTP_NOT_CONFIGURED', message: `${field}: email to ${c.address} needs SMTP_URL (smtp:// or smtps://); without it no mail is ever sent` });
      }
    });
    if (graph) {
      attempt(() => buildSubscription(declared.input, { graph, id: declared.id, owner: declared.owner, now: new Date(0), channelId: (type, i) => `${type}_${i}` }));
    }
  }
  return problems;
}

/** Every problem at once; `setup` only when there is none. `readEntities`: loadEntities unless given. */
export function checkSetup(source: NodeJS.ProcessEnv, dirOverride?: string, readEntities?: ReadEntities): { setup?: Setup; problems: ConfigProblem[] } {
  let env: Env | undefined;
  const problems: ConfigProblem[] = [];
  try {
    env = loadEnv(source);
  } catch (err) {
    problems.push(...problemsOf(err));
  }
  // The files are read even when the environment is wrong, so one run reports both.
  const read = readConfig(configDir(dirOverride ?? env?.VIGIE_CONFIG_DIR ?? (source.VIGIE_CONFIG_DIR || undefined)), readEntities);
  problems.push(...read.problems);
  if (env) problems.push(...checkDeclared(env, read.config, !read.problems.some((p) => p.code === 'ENTITY_INVALID')));
  return problems.length === 0 && env ? { setup: { env, config: read.config }, problems } : { problems };
}

/** The setup, or CONFIG_INVALID listing every problem as `CODE message` (details.problems holds them). */
export function loadSetup(source: NodeJS.ProcessEnv, dirOverride?: string, readEntities?: ReadEntities): Setup {
  const { setup, problems } = checkSetup(source, dirOverride, readEntities);
  if (setup) return setup;
  const lines = problems.map((p) => `${p.code} ${p.message}`);
  throw new VigieError('CONFIG_INVALID', 'config', `${problems.length} problem(s); \`vigie config check\` lists them:\n  - ${lines.join('\n  - ')}`,
    { details: { problems: lines, codes: problems.map((p) => p.code) } });
}
