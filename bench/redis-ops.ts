// Redis commands per unit of vigie's work, issue 13: how many commands one poll, one article and one
// delivery cost, from INFO commandstats before and after each phase against the harness Redis, so the
// README can say at what size one Redis (and so a cluster, whose vigie keys sit on one slot) is full.
//  phase idle:     the pipeline with nothing to do (BullMQ's blocking waits, stalled checks): commands/s.
//  phase poll:     10 sources on an unchanged feed (304), 1 s interval: commands per poll.
//  phase article:  articles that match no subscription: commands per article (fetch, store, entities,
//                  story, routing), net of polls and idle.
//  phase delivery: articles matching 5 webhook subscriptions: commands per delivery (alert, delivery
//                  record, signed POST, status), net of the article, polls and idle.
// Units are counted from the in-process workers' 'completed' events, so waiting adds no Redis command.
// `commands` sums INFO commandstats: every command the server ran, those inside Lua scripts (BullMQ's
// and vigie's) included, which is the server's work; `scripts` counts the EVAL/EVALSHA calls among
// them. Optionally measures the server's own ceiling with redis-benchmark on the same machine.
// Usage: node dist/bench/redis-ops.js [--polls 40] [--articles 40] [--deliveries 100] [--redis-benchmark] [--json]
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import type { Worker } from 'bullmq';
import { startPipeline, type Pipeline } from '../test/harness/pipeline.js';
import { startNewsSite } from '../test/harness/news-site.js';
import { startWebhookReceiver } from '../test/harness/webhook-receiver.js';
import { distinctArticle } from '../test/harness/distinct-article.js';
import { seededRandom } from '../test/harness/seeded-random.js';
import { waitFor } from '../test/harness/vigie-process.js';
import { connectRedis } from '../src/adapters/redis/connect-redis.js';
import { numberArg } from './number-arg.js';

const args = process.argv.slice(2);
const POLLS = numberArg('polls', 40);
const ARTICLES = numberArg('articles', 40);
const DELIVERIES = numberArg('deliveries', 100);
const SUBSCRIBERS = 5;
const JSON_OUT = args.includes('--json');
const log = (s: string) => { if (!JSON_OUT) process.stderr.write(`${s}\n`); };

interface Snapshot { at: number; commands: number; scripts: number; byCommand: Map<string, number> }

async function snapshot(info: () => Promise<string>): Promise<Snapshot> {
  const text = await info();
  const byCommand = new Map<string, number>();
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (m[1] !== 'info') byCommand.set(m[1]!, Number(m[2]));
  }
  const scripts = ['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall'].reduce((a, k) => a + (byCommand.get(k) ?? 0), 0);
  return { at: Date.now(), commands: [...byCommand.values()].reduce((a, b) => a + b, 0), scripts, byCommand };
}

interface Delta { seconds: number; commands: number; scripts: number; top: string }
function delta(a: Snapshot, b: Snapshot): Delta {
  const diff = [...b.byCommand].map(([k, v]) => [k, v - (a.byCommand.get(k) ?? 0)] as const).filter(([, v]) => v > 0).sort((x, y) => y[1] - x[1]);
  return { seconds: (b.at - a.at) / 1000, commands: b.commands - a.commands, scripts: b.scripts - a.scripts,
    top: diff.slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', ') };
}

function completedCounter(workers: Worker[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of workers) {
    counts[w.name] = 0;
    w.on('completed', () => { counts[w.name] = (counts[w.name] ?? 0) + 1; });
  }
  return counts;
}

async function main(): Promise<void> {
  const p: Pipeline = await startPipeline({ VIGIE_WEBHOOK_SCHEDULE_MS: '200,400,800' });
  const quiet = await startNewsSite();
  const site = await startNewsSite();
  const rx = await startWebhookReceiver();
  const admin = connectRedis(p.redis.url, 'state');
  const info = () => admin.info('all') as Promise<string>; // 'all' includes commandstats
  const done = completedCounter(p.workers.workers);
  const random = seededRandom(20261202);
  const out: Record<string, unknown> = {};
  try {
    // Set-up outside every phase: the article source and the subscriptions.
    await p.addSource({ id: 'wire', url: site.feedUrl, interval: 1, lang: 'en' });
    for (let i = 0; i < SUBSCRIBERS; i += 1) {
      const sub = await p.subscribe({ name: `bench${i}`, query: 'benchmarker', channels: [{ type: 'webhook', url: rx.url(`/s${i}`), format: 'standard' }] });
      rx.setSecrets(`/s${i}`, [sub.secret!]);
    }
    await waitFor('first poll', async () => (await p.services.sources.getState('wire')).lastSuccessAt, 60_000);

    log('phase idle (5 s)...');
    await new Promise((r) => setTimeout(r, 1000));
    let s0 = await snapshot(info);
    let polls0 = done.poll!;
    await new Promise((r) => setTimeout(r, 5000));
    let s1 = await snapshot(info);
    // The one source still polls during idle: its polls are priced from the poll phase and removed below.
    const idleRaw = delta(s0, s1);
    const idlePolls = done.poll! - polls0;

    log(`phase poll (${POLLS} polls of unchanged feeds)...`);
    for (let i = 0; i < 10; i += 1) await p.addSource({ id: `quiet${i}`, url: `${quiet.feedUrl}?n=${i}`, interval: 1, lang: 'en' });
    await waitFor('quiet sources polled once', () => quiet.hits(new URL(quiet.feedUrl).pathname) >= 10, 60_000, 20);
    s0 = await snapshot(info);
    polls0 = done.poll!;
    await waitFor('polls', () => done.poll! - polls0 >= POLLS, 120_000, 20);
    s1 = await snapshot(info);
    const pollRaw = delta(s0, s1);
    const polls = done.poll! - polls0;
    // Two equations, two unknowns (idle commands/s, commands/poll): solve them.
    const perPoll = (pollRaw.commands - (idleRaw.commands / idleRaw.seconds) * pollRaw.seconds) / polls;
    const idlePerSecond = (idleRaw.commands - idlePolls * perPoll) / idleRaw.seconds;
    const perPollScripts = (pollRaw.scripts - (idleRaw.scripts / idleRaw.seconds) * pollRaw.seconds) / polls;
    const idleScriptsPerSecond = (idleRaw.scripts - idlePolls * perPollScripts) / idleRaw.seconds;
    out.idle = { commandsPerSecond: idlePerSecond, scriptsPerSecond: idleScriptsPerSecond, top: idleRaw.top };
    out.poll = { polls, commandsPerPoll: perPoll, scriptsPerPoll: perPollScripts, top: pollRaw.top };

    const net = (d: Delta, pollsIn: number, extra: number, extraScripts: number) => ({
      commands: d.commands - idlePerSecond * d.seconds - pollsIn * perPoll - extra,
      scripts: d.scripts - idleScriptsPerSecond * d.seconds - pollsIn * perPollScripts - extraScripts,
    });

    log(`phase article (${ARTICLES} articles, no subscription matches)...`);
    s0 = await snapshot(info);
    polls0 = done.poll!;
    let articles0 = done.article!;
    let n = 0;
    for (let i = 0; i < ARTICLES; i += 1) site.publish(distinctArticle(n++, random, 'quietmarker'));
    await waitFor('articles', () => done.article! - articles0 >= ARTICLES, 300_000, 20);
    s1 = await snapshot(info);
    const articleRaw = delta(s0, s1);
    const a = net(articleRaw, done.poll! - polls0, 0, 0);
    const perArticle = a.commands / ARTICLES;
    const perArticleScripts = a.scripts / ARTICLES;
    out.article = { articles: ARTICLES, commandsPerArticle: perArticle, scriptsPerArticle: perArticleScripts, top: articleRaw.top };

    const matching = Math.ceil(DELIVERIES / SUBSCRIBERS);
    log(`phase delivery (${matching} articles x ${SUBSCRIBERS} webhook subscriptions)...`);
    s0 = await snapshot(info);
    polls0 = done.poll!;
    articles0 = done.article!;
    const deliveries0 = done.deliver!;
    for (let i = 0; i < matching; i += 1) site.publish(distinctArticle(n++, random, 'benchmarker'));
    await waitFor('deliveries', () => done.deliver! - deliveries0 >= matching * SUBSCRIBERS && done.article! - articles0 >= matching, 300_000, 20);
    s1 = await snapshot(info);
    const deliveryRaw = delta(s0, s1);
    const deliveries = done.deliver! - deliveries0;
    const d = net(deliveryRaw, done.poll! - polls0, matching * perArticle, matching * perArticleScripts);
    out.delivery = { deliveries, received: rx.received.length, commandsPerDelivery: d.commands / deliveries, scriptsPerDelivery: d.scripts / deliveries, top: deliveryRaw.top };

    if (args.includes('--redis-benchmark')) {
      log('redis-benchmark against the same redis-server...');
      const port = new URL(p.redis.url).port;
      const r = spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', port, '-q', '-n', '100000', '-c', '50', '-t', 'set,get,incr,hset,zadd,lpush,rpop', '--csv'], { encoding: 'utf8' });
      out.redisBenchmark = Object.fromEntries(r.stdout.trim().split('\n').slice(1).map((l) => {
        const [test, rps] = l.split(',').map((x) => x.replace(/"/g, ''));
        return [test, Number(rps)];
      }));
    }
  } finally {
    admin.disconnect();
    await p.close();
    await rx.close();
    await quiet.close();
    await site.close();
  }
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, node ${process.version}`;
  if (JSON_OUT) { console.log(JSON.stringify({ machine, ...out }, null, 2)); return; }
  console.log(`machine: ${machine}`);
  const f = (x: unknown) => (typeof x === 'number' ? x.toFixed(1) : String(x));
  for (const [k, v] of Object.entries(out)) console.log(`${k}: ${Object.entries(v as object).map(([a, b]) => `${a}=${f(b)}`).join('  ')}`);
}

main().catch((err) => { console.error(err); process.exit(1); });
