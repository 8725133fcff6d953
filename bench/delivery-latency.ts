// Benchmarks of the delivery path on loopback, issue 4:
//  1. poll-to-webhook latency: from the feed response that first lists a new item to the receiver
//     (a separate process verifying signatures), article pages served locally; p50 and p99.
//     Baseline in the same run: the same work done directly, with no queue or Redis in between.
//  2. signed webhook deliveries per second through the deliver queue to one local receiver.
//     Baseline in the same run: signed POSTs straight through the gate at the same concurrency, to the
//     same receiver, signed with the same secrets. Round 0 runs in a fresh process (cold JIT for the
//     deliveries, while its baseline runs after them, warm); rounds 1..N (`--rounds`) alternate the two,
//     both warm, which is what a long-running worker sees. Each round also counts the Redis commands the
//     server ran per delivery (INFO commandstats, scripts' inner commands included) and the script calls
//     among them, and the CPU time per delivery of this process, Redis and the receiver.
//  `--profile FILE` writes a V8 CPU profile of the warm delivery rounds only (not the baselines, not the
//  queueing), to see where a delivery's CPU goes.
// Usage: node dist/bench/delivery-latency.js [--samples 40] [--deliveries 3000] [--rounds 3] [--throughput-only] [--json] [--profile FILE] [--text-chars N]
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPipeline } from '../test/harness/pipeline.js';
import { startNewsSite } from '../test/harness/news-site.js';
import { waitFor } from '../test/harness/vigie-process.js';
import { percentile } from './percentiles.js';
import { postWebhook } from '../src/adapters/webhook/post-webhook.js';
import { CAPS } from '../src/adapters/http/safe-fetch.js';
import { decodeText } from '../src/core/feed/decode-text.js';
import { extractArticle } from '../src/core/extract/extract-article.js';
import { matchDocument } from '../src/core/match/match-document.js';
import { renderWebhookPayload } from '../src/core/render/webhook-payload.js';
import { signingSecrets } from '../src/core/subscriptions/signing-secrets.js';
import { deliveryId, alertId } from '../src/core/deliver/delivery-ids.js';
import { JOB_OPTIONS } from '../src/adapters/queue/queues.js';
import { articleId } from '../src/core/ids/article-id.js';
import { numberArg } from './number-arg.js';

const args = process.argv.slice(2);
const SAMPLES = numberArg('samples', 40);
const DELIVERIES = numberArg('deliveries', 3000);
const JSON_OUT = args.includes('--json');
const THROUGHPUT_ONLY = args.includes('--throughput-only');
const ROUNDS = numberArg('rounds', 3);
/** The throughput article's text length (0: the two-sentence paragraph of the latency samples, ~300 characters). */
const TEXT_CHARS = numberArg('text-chars', 0);
const PROFILE = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
const CONCURRENCY = Number(process.env.BENCH_CONC ?? 64);
const log = (s: string) => { if (!JSON_OUT) process.stderr.write(`${s}\n`); };

interface Arrival { id: string; url?: string; at: number }

interface Sink { child: ChildProcess; port: number; arrivals: Arrival[]; setSecret(s: string): void; cpuMs(): Promise<number>; stop(): void }

async function startSink(): Promise<Sink> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const child = fork(path.join(here, 'webhook-sink-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const arrivals: Arrival[] = [];
  let cpuWaiter: ((ms: number) => void) | undefined;
  const port = await new Promise<number>((resolve) => child.on('message', (m: { type: string; port?: number; id?: string; url?: string; at?: number; user?: number; system?: number }) => {
    if (m.type === 'listening') resolve(m.port!);
    if (m.type === 'received') arrivals.push({ id: m.id!, url: m.url, at: m.at! });
    if (m.type === 'cpu') cpuWaiter?.((m.user! + m.system!) / 1000);
  }));
  const cpuMs = () => new Promise<number>((resolve) => { cpuWaiter = resolve; child.send({ type: 'cpu' }); });
  return { child, port, arrivals, setSecret: (secret) => child.send({ type: 'secret', secret }), cpuMs, stop: () => child.send({ type: 'stop' }) };
}

const PLACES = ['Idlib', 'Saraqib', 'Ariha', 'Hajin', 'Al-Susah', 'Mayadin', 'Raqqa', 'Tabqa', 'Manbij', 'Afrin', 'Azaz', 'Jarabulus', 'Qamishli', 'Hasakah', 'Palmyra', 'Homs'];
const WORDS = ['market', 'council', 'school', 'bridge', 'harvest', 'clinic', 'bakery', 'convoy', 'river', 'well', 'checkpoint', 'road',
  'families', 'teachers', 'farmers', 'drivers', 'doctors', 'volunteers', 'reopened', 'repaired', 'closed', 'flooded', 'inspected', 'visited'];
// Each benchmark article is a different story (distinct words), or story grouping would rightly merge them.
const words = (n: number, k: number) => Array.from({ length: k }, (_, i) => WORDS[(n * 31 + i * 17 + ((n * i) % 7)) % WORDS.length]).join(' ');
const paragraph = (n: number) => [
  `Benchmark story ${n} from ${PLACES[n % PLACES.length]}: ${words(n, 14)}.`,
  `Residents described ${words(n + 1000, 10)} on ${['Monday', 'Tuesday', 'Wednesday', 'Thursday'][n % 4]}, reference ${(n * 7919) % 100000}.`,
];

async function latencyBench() {
  const sink = await startSink();
  const site = await startNewsSite();
  const p = await startPipeline({ VIGIE_WEBHOOK_TIMEOUT_MS: '15000' });
  const sub = await p.subscribe({ name: 'bench', query: 'benchmark', channels: [{ type: 'webhook', url: `http://127.0.0.1:${sink.port}/hook`, format: 'standard' }] });
  sink.setSecret(sub.secret!);
  await p.addSource({ id: 'bench', url: site.feedUrl, interval: 1, lang: 'en' });
  await waitFor('first poll', async () => (await p.services.sources.getState('bench')).lastSuccessAt, 30_000);
  const latencies: number[] = [];
  for (let n = 0; n < SAMPLES; n += 1) {
    const slug = `bench-${n}`;
    site.publish({ slug, lang: 'en', title: `Benchmark report ${n} from ${PLACES[n % PLACES.length]}`, summary: `Item ${n}`, paragraphs: paragraph(n), published: new Date().toISOString() });
    const url = site.articleUrl(slug);
    const arrival = await waitFor(`arrival ${n}`, () => sink.arrivals.find((a) => a.url === url), 30_000, 2);
    latencies.push(arrival.at - site.firstServed(slug)!);
    log(`  latency sample ${n + 1}/${SAMPLES}: ${latencies.at(-1)!.toFixed(1)} ms`);
  }
  // Baseline: the same steps for the same articles without queues or Redis (fetch page, extract, match, render, sign, POST).
  const { matcher } = await p.services.entities.current();
  const secrets = (await p.services.subscriptions.getSecrets(sub.id, sub.channelIds[0]!))!;
  const baseline: number[] = [];
  for (let n = 0; n < SAMPLES; n += 1) {
    const url = site.articleUrl(`bench-${n}`);
    const t0 = performance.now();
    const res = await p.services.fetcher.fetch(url, { maxBytes: CAPS.pageBytes });
    const { text } = decodeText(res.body, { contentType: res.headers['content-type'], kind: 'html' });
    const ex = extractArticle(text, { url });
    const m = matchDocument(matcher, { title: ex.title, text: ex.text, lang: 'en' });
    const now = new Date();
    const body = renderWebhookPayload({ alert: { id: `alr_b${n}`, subscriptionId: sub.id, storyId: `sto_b${n}`, articleId: articleId(url), relatedArticleIds: [], createdAt: now.toISOString(),
      matches: m.matches.map((x) => ({ ...x })) }, article: { id: articleId(url), url, sourceId: 'bench', title: ex.title, summary: '', fetchedAt: now.toISOString() },
    subscription: (await p.services.subscriptions.get(sub.id))!, sourceName: 'bench', now });
    await postWebhook(p.services.webhookFetcher, { url: `http://127.0.0.1:${sink.port}/hook`, deliveryId: `msg_baseline${n}`, body, secrets: signingSecrets(secrets, now), now });
    baseline.push(performance.now() - t0);
  }
  await p.close();
  await site.close();
  sink.stop();
  return { samples: SAMPLES, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies),
    baselineP50: percentile(baseline, 50), baselineP99: percentile(baseline, 99) };
}

async function throughputBench() {
  const sink = await startSink();
  const p = await startPipeline({ VIGIE_DELIVER_CONCURRENCY: process.env.BENCH_CONC ?? '64', VIGIE_ENDPOINT_CONCURRENCY: process.env.BENCH_CONC ?? '64' });
  await p.workers.close(); // only deliver workers below, started after each round's jobs are queued
  const hook = `http://127.0.0.1:${sink.port}/hook`;
  const sub = await p.subscribe({ name: 'throughput', query: 'benchmark', channels: [{ type: 'webhook', url: hook, format: 'standard' }] });
  sink.setSecret(sub.secret!);
  const s = p.services;
  const now = new Date();
  const url = 'http://127.0.0.1:1/articles/throughput';
  // Real articles run to several KB of text, which a delivery does not send (--text-chars to try one).
  const text = TEXT_CHARS > 0 ? paragraph(1).join('\n\n').repeat(Math.ceil(TEXT_CHARS / 300)).slice(0, TEXT_CHARS) : paragraph(1).join('\n\n');
  const art = { id: articleId(url), url, sourceId: 'bench', title: 'Benchmark report from Idlib', summary: 'Throughput', text, fetchedAt: now.toISOString() };
  await s.articles.putIfAbsent(art);
  const { matcher } = await s.entities.current();
  const matches = matchDocument(matcher, { title: art.title, text: paragraph(1).join('\n\n'), lang: 'en' }).matches; // the same matches whatever the text's length
  const secrets = (await s.subscriptions.getSecrets(sub.id, sub.channelIds[0]!))!;
  const body = renderWebhookPayload({ alert: { id: 'alr_x', subscriptionId: sub.id, storyId: 'sto_x', articleId: art.id, relatedArticleIds: [], matches, createdAt: now.toISOString() },
    article: art, subscription: (await s.subscriptions.get(sub.id))!, sourceName: 'bench', now });
  const { createWorkers } = await import('../workers/create-workers.js');
  const profiler = PROFILE === undefined ? undefined : new Session();
  profiler?.connect();
  if (profiler) await profiler.post('Profiler.enable');
  const profiles: unknown[] = [];

  /** Queues DELIVERIES fresh deliveries (not timed), then times deliver workers sending them all. */
  async function deliveryRound(round: number) {
    const jobs = [];
    for (let n = 0; n < DELIVERIES; n += 1) {
      const storyId = `sto_t${round}_${n}`;
      const a = { id: alertId(sub.id, storyId), subscriptionId: sub.id, storyId, articleId: art.id, relatedArticleIds: [], matches, createdAt: now.toISOString() };
      const id = deliveryId(sub.id, storyId, sub.channelIds[0]!);
      jobs.push([a, { id, alertId: a.id, subscriptionId: sub.id, channelId: sub.channelIds[0]!, status: 'pending' as const, attempts: 0 }] as const);
    }
    for (let i = 0; i < jobs.length; i += 200) {
      await Promise.all(jobs.slice(i, i + 200).map(async ([a, d]) => { await s.alerts.createAlert(a); await s.alerts.createDelivery(d); }));
    }
    const queued = jobs.map(([a, d]) => ({ name: 'deliver', data: { deliveryId: d.id, refs: { alertId: a.id, subscriptionId: sub.id, channelId: d.channelId, articleId: art.id, sourceId: art.sourceId } },
      opts: { ...JOB_OPTIONS.deliver, jobId: d.id } }));
    for (let i = 0; i < queued.length; i += 500) await s.queues.deliver.addBulk(queued.slice(i, i + 500));
    const before = sink.arrivals.length;
    const stats0 = await commandStats(s.redis);
    const cpu0 = await cpuNow(s.redis, sink);
    if (profiler && round > 0) await profiler.post('Profiler.start');
    const t0 = performance.now();
    const workers = createWorkers(s, ['deliver']);
    let completed = 0;
    for (const w of workers.workers) w.on('completed', () => { completed += 1; });
    await waitFor('all deliveries received', () => sink.arrivals.length >= before + DELIVERIES, 300_000, 20);
    const seconds = (performance.now() - t0) / 1000;
    await waitFor('all deliver jobs completed', () => completed >= DELIVERIES, 60_000, 20);
    const cpu1 = await cpuNow(s.redis, sink);
    if (profiler && round > 0) profiles.push((await profiler.post('Profiler.stop')).profile);
    await workers.close();
    const stats1 = await commandStats(s.redis);
    const perDelivery = (k: 'commands' | 'scripts') => (stats1[k] - stats0[k]) / DELIVERIES;
    const top = [...stats1.byCommand].map(([k, v]) => [k, (v - (stats0.byCommand.get(k) ?? 0)) / DELIVERIES] as const)
      .filter(([, v]) => v > 0).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    return { perSecond: DELIVERIES / seconds, cpuMsPerDelivery: cpuPer(cpu0, cpu1), redisCommandsPerDelivery: perDelivery('commands'),
      scriptCallsPerDelivery: perDelivery('scripts'), topCommands: top };
  }

  /** Baseline: DELIVERIES signed POSTs of one rendered body straight through the gate, same receiver, same concurrency. */
  async function baselineRound(round: number) {
    const before = sink.arrivals.length;
    let next = 0;
    const cpu0 = await cpuNow(s.redis, sink);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < DELIVERIES) {
        const n = next++;
        await postWebhook(s.webhookFetcher, { url: hook, deliveryId: `msg_base${round}_${n}`, body, secrets: signingSecrets(secrets, new Date()), now: new Date() });
      }
    }));
    await waitFor('baseline received', () => sink.arrivals.length >= before + DELIVERIES, 120_000, 20);
    const seconds = (performance.now() - t0) / 1000;
    return { perSecond: DELIVERIES / seconds, cpuMsPerDelivery: cpuPer(cpu0, await cpuNow(s.redis, sink)) };
  }

  // Round 0 starts cold (a fresh process: the JIT has compiled neither path; the baseline runs after it,
  // warm); rounds 1..ROUNDS run both warm, as a long-running worker does.
  const rounds = [];
  for (let r = 0; r <= ROUNDS; r += 1) {
    log(`  round ${r}${r === 0 ? ' (cold)' : ''}: ${DELIVERIES} deliveries, then ${DELIVERIES} bare signed POSTs`);
    const delivery = await deliveryRound(r);
    const baseline = await baselineRound(r);
    rounds.push({ round: r, delivery, baseline, ratio: delivery.perSecond / baseline.perSecond });
  }
  // The warm rounds' profiles, each in its own file (FILE, FILE.2, ...): open them in Chrome DevTools.
  profiles.forEach((prof, i) => fs.writeFileSync(i === 0 ? PROFILE! : `${PROFILE!}.${i + 1}`, JSON.stringify(prof)));
  await p.close();
  sink.stop();
  return { deliveries: DELIVERIES, concurrency: CONCURRENCY, rounds };
}

/** CPU time used so far by this process, the Redis server and the receiver, in ms (steadier than wall time on a shared machine). */
async function cpuNow(redis: { info(section: string): Promise<string> }, sink: Sink) {
  const info = await redis.info('cpu');
  const num = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  const own = process.cpuUsage();
  return { vigie: (own.user + own.system) / 1000, redis: (num('used_cpu_user') + num('used_cpu_sys')) * 1000, receiver: await sink.cpuMs() };
}
type Cpu = Awaited<ReturnType<typeof cpuNow>>;
const cpuPer = (a: Cpu, b: Cpu) => ({ process: (b.vigie - a.vigie) / DELIVERIES, redis: (b.redis - a.redis) / DELIVERIES, receiver: (b.receiver - a.receiver) / DELIVERIES });

/** INFO commandstats: calls per command (those run inside scripts included), their sum and the script calls. */
async function commandStats(redis: { info(section: string): Promise<string> }) {
  const byCommand = new Map<string, number>();
  for (const m of (await redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (m[1] !== 'info') byCommand.set(m[1]!, Number(m[2]));
  }
  const scripts = ['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall'].reduce((a, k) => a + (byCommand.get(k) ?? 0), 0);
  return { byCommand, commands: [...byCommand.values()].reduce((a, b) => a + b, 0), scripts };
}

log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
if (!THROUGHPUT_ONLY) log(`poll-to-webhook latency, ${SAMPLES} samples (source polled every 1 s; latency counted from the feed response that lists the item)`);
const lat = THROUGHPUT_ONLY ? undefined : await latencyBench();
log(`delivery throughput, ${DELIVERIES} signed webhooks to one local receiver`);
const thr = await throughputBench();
const result = { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, latency: lat, throughput: thr };
if (JSON_OUT) console.log(JSON.stringify(result, null, 2));
else {
  console.log('\n| measure | vigie | baseline (same run, no queue/Redis) | ratio |');
  console.log('|---|---|---|---|');
  if (lat) {
    console.log(`| poll-to-webhook p50 | ${lat.p50.toFixed(1)} ms | ${lat.baselineP50.toFixed(1)} ms | ${(lat.p50 / lat.baselineP50).toFixed(2)}x |`);
    console.log(`| poll-to-webhook p99 | ${lat.p99.toFixed(1)} ms | ${lat.baselineP99.toFixed(1)} ms | ${(lat.p99 / lat.baselineP99).toFixed(2)}x |`);
  }
  const warm = thr.rounds.slice(1);
  const median = (xs: number[]) => percentile(xs, 50);
  const cpu = (c: { process: number; redis: number; receiver: number }) => `${c.process.toFixed(3)} / ${c.redis.toFixed(3)} / ${c.receiver.toFixed(3)}`;
  if (warm.length > 0) {
    const [d, b] = [median(warm.map((r) => r.delivery.perSecond)), median(warm.map((r) => r.baseline.perSecond))];
    console.log(`| signed deliveries/s (warm rounds, median) | ${d.toFixed(0)} | ${b.toFixed(0)} | ${median(warm.map((r) => r.ratio)).toFixed(2)}x (median of the rounds' ratios) |`);
  }
  console.log(`\n${thr.deliveries} deliveries per round, concurrency ${thr.concurrency}; CPU ms per delivery as this process / Redis / receiver.\n`);
  console.log('| round | deliveries/s | bare POSTs/s | ratio | CPU per delivery | CPU per bare POST | Redis commands (scripts) per delivery |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of thr.rounds) {
    console.log(`| ${r.round === 0 ? '0 (cold)' : r.round} | ${r.delivery.perSecond.toFixed(0)} | ${r.baseline.perSecond.toFixed(0)} | ${r.ratio.toFixed(2)}x | ${cpu(r.delivery.cpuMsPerDelivery)} | ${cpu(r.baseline.cpuMsPerDelivery)} | ${r.delivery.redisCommandsPerDelivery.toFixed(1)} (${r.delivery.scriptCallsPerDelivery.toFixed(1)}) |`);
  }
  console.log(`\nRedis commands per delivery, last round: ${thr.rounds.at(-1)!.delivery.topCommands}`);
}
process.exit(0);
