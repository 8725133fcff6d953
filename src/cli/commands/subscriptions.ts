// `vigie subscriptions add|list|show|rm|rotate-secret|enable`: who wants what, stored in the shared Redis.
// A webhook secret is generated here, printed once, and never shown by list/show.
import { EVENT_TYPES } from '../../core/events/event.js';
import type { Command } from 'commander';
import { subscriptionInputSchema } from '../../core/subscriptions/subscription-input.js';
import { rotateWebhookSecret, saveSubscription } from '../../pipeline/save-subscription.js';
import { enableChannel, type HeldChoice } from '../../pipeline/enable-channel.js';
import { removeSubscription } from '../../pipeline/discard-held.js';
import { VigieError } from '../../core/errors/vigie-error.js';
import { checkTargetUrl } from '../../config/check-target-url.js';
import { printJson, withServices } from '../with-services.js';
import { formatSubscription } from '../format-subscription.js';
import { describe } from '../command-table.js';
import { say } from '../cli-io.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function register(program: Command): void {
  const subs = program.command('subscriptions').description(describe('subscriptions'));
  subs.command('add')
    .description('create a subscription; prints its id and, for a webhook, the signing secret (shown once)')
    .requiredOption('--name <name>', 'a name people recognise')
    .option('--region <region>', 'region id or any of its names in any language (repeatable; descendants included)', collect, [])
    .option('--actor <actor>', 'actor id or any of its names (repeatable; members included)', collect, [])
    .option('--query <query>', 'keyword query: AND OR NOT ( ) "phrase" prefix* NEAR/n')
    .option('--lang <lang>', 'only articles in this language (repeatable: en, fr, ar)', collect, [])
    .option('--source <id>', 'only articles from this source (repeatable)', collect, [])
    .option('--event <types>', `only articles reporting one of these events, comma-separated (${EVENT_TYPES.filter((t) => t !== 'none').join(', ')})`)
    .option('--min-killed <n>', 'only articles reporting an event (of those types) with at least this many killed')
    .option('--webhook <url>', 'deliver to this webhook (Standard Webhooks signed)')
    .option('--format <format>', 'webhook payload: standard | slack', 'standard')
    .option('--email <address>', 'deliver by email')
    .option('--digest <period>', 'email as an hourly or daily digest instead of immediately')
    .option('--owner <owner>', 'owner of the subscription', 'cli')
    .option('--json', 'print {"id","secret"} as JSON')
    .action(async (o: Record<string, any>) => withServices(async ({ services }) => {
      const channels = [
        ...(o.webhook ? [{ type: 'webhook', url: o.webhook, format: o.format }] : []),
        ...(o.email ? [{ type: 'email', address: o.email, mode: o.digest ?? 'immediate' }] : []),
      ];
      const events = typeof o.event === 'string' ? o.event.split(',').map((t: string) => t.trim()).filter(Boolean) : undefined;
      // A non-number stays a string here so the schema reports it with the other problems.
      const minKilled = o.minKilled === undefined ? undefined : /^\d+$/.test(o.minKilled) ? Number(o.minKilled) : o.minKilled;
      const parsed = subscriptionInputSchema.safeParse({ name: o.name, regions: o.region, actors: o.actor, query: o.query, languages: o.lang, sources: o.source, events, minKilled, channels });
      if (!parsed.success) throw new VigieError('CONFIG_INVALID', 'subscriptions', parsed.error.issues.map((i) => `${i.path.join('.') || 'subscription'}: ${i.message}`).join('; '));
      if (o.webhook) checkTargetUrl(o.webhook, 'webhook', services.urlPolicy, '--webhook'); // the API's rule, not a looser one
      const { subscription: sub, secrets } = await saveSubscription(services, parsed.data, { owner: o.owner });
      const secret = secrets[0]?.secret;
      if (o.json) printJson({ id: sub.id, ...(secret ? { secret } : {}), regions: sub.regions, actors: sub.actors });
      else {
        say(`subscription ${sub.id} created (regions: ${sub.regions.join(', ') || '-'}; actors: ${sub.actors.join(', ') || '-'})`);
        if (secret) say(`webhook secret (shown once): ${secret}`);
      }
    }));
  subs.command('list')
    .description('list subscriptions')
    .option('--owner <owner>', 'only this owner\'s')
    .option('--json', 'JSON output')
    .action(async (o: { owner?: string; json?: boolean }) => withServices(async ({ services }) => {
      const all = await services.subscriptions.list(o.owner);
      if (o.json) return printJson(all);
      if (all.length === 0) return say('no subscriptions');
      for (const s of all) {
        const ch = s.channels.map((c) => (c.type === 'webhook' ? `webhook${c.disabled ? ' (disabled)' : ''}` : `email/${c.mode}`)).join(', ');
        say(`${s.id}  ${s.active ? 'active ' : 'paused '} ${s.name}  [${[...s.regions, ...s.actors].join(', ')}${s.query ? ` q=${s.query}` : ''}] -> ${ch}`);
      }
    }));
  subs.command('show <id>')
    .description('show one subscription (channels, disabled endpoints, recent alerts); never the secret')
    .option('--json', 'JSON output')
    .action(async (id: string, o: { json?: boolean }) => withServices(async ({ services }) => {
      const sub = await services.subscriptions.get(id);
      if (!sub) throw new VigieError('NOT_FOUND', 'subscriptions', `no subscription ${id}`);
      const alertIds = await services.alerts.listAlertIds({ subscriptionId: id, limit: 10 });
      if (o.json) return printJson({ ...sub, recentAlerts: alertIds });
      const { graph } = await services.entities.current();
      const names = new Map([...sub.regions, ...sub.actors].flatMap((x) => { const e = graph.get(x); return e ? [[x, e.names.en] as const] : []; }));
      const alerts = await services.alerts.getAlerts(alertIds);
      const titles = new Map((await services.articles.getMany(alerts.map((a) => a.articleId))).map((a) => [a.id, a.title] as const));
      say(formatSubscription(sub, names, alerts.map((a) => ({ id: a.id, createdAt: a.createdAt, title: titles.get(a.articleId) }))));
    }));
  subs.command('rm <id>')
    .description('delete a subscription (its secrets too; its held deliveries are discarded)')
    .action(async (id: string) => withServices(async ({ services }) => {
      if (!(await removeSubscription(services, await services.subscriptions.get(id)))) throw new VigieError('NOT_FOUND', 'subscriptions', `no subscription ${id}`);
      say(`subscription ${id} removed`);
    }));
  subs.command('rotate-secret <id>')
    .description('make a new webhook secret; the old one keeps signing too for 24 h (both signatures sent)')
    .option('--channel <channelId>', 'webhook channel (default: the first)')
    .option('--json', 'print {"id","secret","previousUntil"}')
    .action(async (id: string, o: { channel?: string; json?: boolean }) => withServices(async ({ services }) => {
      const sub = await services.subscriptions.get(id);
      if (!sub) throw new VigieError('NOT_FOUND', 'subscriptions', `no subscription ${id}`);
      const r = await rotateWebhookSecret(services, sub, o.channel);
      if (o.json) printJson({ id, ...r });
      else say(`new webhook secret (shown once): ${r.secret}\nthe previous secret keeps signing until ${r.previousUntil}`);
    }));
  subs.command('enable <id>')
    .description('re-enable a webhook channel disabled by a 410; --held says what happens to the alerts held meanwhile')
    .option('--channel <channelId>', 'webhook channel (default: the first disabled one)')
    .option('--held <choice>', 'deliver | discard the held deliveries (required when there are any)')
    .action(async (id: string, o: { channel?: string; held?: string }) => withServices(async ({ services }) => {
      if (o.held !== undefined && o.held !== 'deliver' && o.held !== 'discard') throw new VigieError('CONFIG_INVALID', 'subscriptions', '--held must be deliver or discard');
      const sub = await services.subscriptions.get(id);
      if (!sub) throw new VigieError('NOT_FOUND', 'subscriptions', `no subscription ${id}`);
      const r = await enableChannel(services, sub, { channelId: o.channel, held: o.held as HeldChoice | undefined });
      say(`webhook channel ${r.channelId} of ${id} enabled; held deliveries: ${r.delivered} queued, ${r.discarded} discarded`);
    }));
}
