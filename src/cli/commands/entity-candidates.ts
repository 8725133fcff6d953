// `vigie entities candidates [accept|reject]`: named groups seen in articles that the catalog lacks.
// Accept makes one an actor (stored like `vigie entities add`, seen by every worker on its next article);
// reject keeps it from being counted or proposed again.
import type { Command } from 'commander';
import type { CandidateRecord, CandidateStatus } from '../../adapters/redis/candidate-store.js';
import { acceptCandidate, rejectCandidate } from '../../pipeline/decide-candidate.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import { printJson, withServices } from '../with-services.js';
import { say } from '../cli-io.js';

const STATUSES = ['proposed', 'accepted', 'rejected', 'all'];

function describeCandidate(c: CandidateRecord): string {
  const langs = Object.entries(c.languages).map(([l, n]) => `${l}:${n}`).join(' ');
  const near = c.nearActors.slice(0, 3).map((a) => `${a.id} (${a.count})`).join(', ') || '-';
  const lines = [
    `${c.key}\t${c.name}\t${c.status}${c.entityId ? ` -> ${c.entityId}` : ''}`,
    `  seen ${c.count}x from ${c.firstSeen} to ${c.lastSeen}; sources ${c.sources.join(', ')}; languages ${langs}`,
    `  near: ${near}`,
    ...c.evidence.map((e) => `  "${e.text}" (${e.sourceId}, ${e.articleId})`),
  ];
  return lines.join('\n');
}

export function registerCandidates(entities: Command): void {
  const cmd = entities.command('candidates')
    .description('candidate actors: named armed groups seen in articles that the catalog lacks (accept or reject them)');
  cmd.command('list', { isDefault: true })
    .description('list candidates, last seen first: count, first/last seen, sources, languages, evidence, known actors near them')
    .option('--status <status>', `${STATUSES.join(', ')}`, 'proposed')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (o: { status: string; limit: string; json?: boolean }) => withServices(async ({ services }) => {
      if (!STATUSES.includes(o.status)) throw new VigieError('CONFIG_INVALID', 'candidates', `--status must be one of ${STATUSES.join(', ')}, not "${o.status}"`);
      const list = await services.candidates.list({ status: o.status as CandidateStatus | 'all', limit: Number(o.limit) || 100 });
      if (o.json) return printJson(list);
      say(list.length === 0 ? 'no candidate' : list.map(describeCandidate).join('\n'));
    }));
  cmd.command('accept')
    .description('make a candidate an actor; workers match it from their next article')
    .argument('<key>', 'candidate key, as listed')
    .option('--parent <id>', 'parent actor id (default: the known actor most often named near it, e.g. actor-iran-backed-militias)')
    .option('--name <name>', 'canonical name (default: the spelling seen most often)')
    .option('--id <id>', 'entity id (default: actor-<name>)')
    .option('--json', 'print {"candidate","entity","version"} as JSON')
    .action(async (key: string, o: { parent?: string; name?: string; id?: string; json?: boolean }) => withServices(async ({ services }) => {
      const res = await acceptCandidate(services, key, { parent: o.parent, name: o.name, id: o.id });
      if (o.json) return printJson(res);
      say(`candidate ${key} accepted as ${res.entity.id}${res.entity.parents.length ? ` under ${res.entity.parents.join(', ')}` : ''}; entity version ${res.version}`);
    }));
  cmd.command('reject')
    .description('reject a candidate: it is never counted or proposed again')
    .argument('<key>', 'candidate key, as listed')
    .option('--json', 'print the candidate as JSON')
    .action(async (key: string, o: { json?: boolean }) => withServices(async ({ services }) => {
      const rec = await rejectCandidate(services, key);
      if (o.json) return printJson(rec);
      say(`candidate ${key} rejected`);
    }));
}
