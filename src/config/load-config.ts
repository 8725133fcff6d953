// Reads config/ (sources.yaml, entities/, subscriptions/*.yaml) and validates all of it, reporting every
// problem at once with its file. Returns plain values; applying them to Redis is applyConfig's job.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { VigieError, isVigieError } from '../core/errors/vigie-error.js';
import type { ErrorCode } from '../core/errors/error-codes.js';
import { validateSources } from '../core/sources/source-schema.js';
import { subscriptionInputSchema, type ParsedSubscriptionInput } from '../core/subscriptions/subscription-input.js';
import type { SourceConfig } from '../core/model/source.js';
import type { Entity } from '../core/entities/entity.js';
import { loadEntities } from './load-entities.js';

/** `origin` says where it was declared (file and index), for messages. */
export interface DeclaredSubscription { id: string; owner: string; input: ParsedSubscriptionInput; origin: string }
export interface VigieConfig { dir: string; sources: SourceConfig[]; entities: Entity[]; subscriptions: DeclaredSubscription[] }
/** One problem found in the configuration, with the code of the error the runtime would stop on. */
export interface ConfigProblem { code: ErrorCode; message: string }

function readYaml(file: string, problems: string[]): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function loadSources(dir: string, problems: string[]): SourceConfig[] {
  const file = path.join(dir, 'sources.yaml');
  if (!fs.existsSync(file)) return [];
  const doc = readYaml(file, problems) as { sources?: unknown[] } | undefined;
  if (doc && !Array.isArray(doc.sources)) { problems.push(`${file}: expected a top-level "sources:" list`); return []; }
  const { sources, problems: p } = validateSources(doc?.sources ?? []);
  problems.push(...p.map((x) => `${file}: ${x}`));
  return sources;
}

function loadSubscriptions(dir: string, problems: string[]): DeclaredSubscription[] {
  const sub = path.join(dir, 'subscriptions');
  if (!fs.existsSync(sub)) return [];
  const out: DeclaredSubscription[] = [];
  for (const name of fs.readdirSync(sub).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const file = path.join(sub, name);
    const doc = readYaml(file, problems) as { subscriptions?: Array<Record<string, unknown>> } | undefined;
    (doc?.subscriptions ?? []).forEach((raw, i) => {
      const { id, owner, ...rest } = raw;
      const parsed = subscriptionInputSchema.safeParse(rest);
      if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) problems.push(`${file}: subscriptions[${i}].id: required, lowercase letters, digits and dashes`);
      if (!parsed.success) parsed.error.issues.forEach((issue) => problems.push(`${file}: subscriptions[${i}].${issue.path.join('.')}: ${issue.message}`));
      else if (typeof id === 'string') out.push({ id: `sub_cfg_${id}`, owner: typeof owner === 'string' ? owner : 'config', input: parsed.data, origin: `${file}: subscriptions[${i}]` });
    });
  }
  return out;
}

/** How the entity folder is read: loadEntities, or a boot's catalog cache (catalog-cache.ts) in front of it. */
export type ReadEntities = (entitiesDir: string) => Entity[];

/** Reads and validates config/ without throwing: every problem found, with what could be read. */
export function readConfig(dir: string, readEntities: ReadEntities = loadEntities): { config: VigieConfig; problems: ConfigProblem[] } {
  if (!fs.existsSync(dir)) {
    return { config: { dir, sources: [], entities: [], subscriptions: [] }, problems: [{ code: 'CONFIG_INVALID', message: `config directory ${dir} does not exist` }] };
  }
  const problems: string[] = [];
  const sources = loadSources(dir, problems);
  let entities: Entity[] = [];
  const entityProblems: string[] = [];
  try {
    entities = readEntities(path.join(dir, 'entities'));
  } catch (err) {
    if (!isVigieError(err)) throw err;
    entityProblems.push(...(Array.isArray(err.details.problems) ? (err.details.problems as string[]) : [err.message]));
  }
  const subscriptions = loadSubscriptions(dir, problems);
  return {
    config: { dir, sources, entities, subscriptions },
    problems: [
      ...problems.map((message) => ({ code: 'CONFIG_INVALID' as const, message })),
      ...entityProblems.map((message) => ({ code: 'ENTITY_INVALID' as const, message })),
    ],
  };
}

export function loadConfig(dir: string): VigieConfig {
  const { config, problems } = readConfig(dir);
  if (problems.length > 0) {
    const listed = problems.map((p) => p.message);
    throw new VigieError('CONFIG_INVALID', 'config', `${problems.length} problem(s) in ${dir}:\n  - ${listed.join('\n  - ')}`, { details: { problems: listed } });
  }
  return config;
}
