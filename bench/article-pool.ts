// The article stage with the analysis pool (VIGIE_POOL_THREADS=N) and without it (0), in one run
// (issue 12 item 2). Each mode runs the real pipeline (its own Redis, BullMQ article and deliver
// workers, the shipped catalog) on the 99 pages of the shared article corpus served on loopback:
// - throughput: article jobs (fetch, extract, match, events, story, route) per second, after a
//   warm-up pass, with the event loop's delay (perf_hooks.monitorEventLoopDelay) meanwhile;
// - a hostile page (megabytes of blocks that each look like a paragraph) processed alone: how long it
//   takes, the event loop's delay meanwhile, and how long a delivery made due while it is being
//   extracted takes to reach its receiver, against the same delivery with nothing else running.
// Usage: node dist/bench/article-pool.js [--threads N] [--copies N] [--hostile-blocks N] [--rounds N] [--pool-only]
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startPipeline, type Pipeline } from '../test/harness/pipeline.js';
import { startHttpServer, type TestHttpServer } from '../test/harness/http-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test/harness/webhook-receiver.js';
import { waitFor } from '../test/harness/vigie-process.js';
import { JOB_OPTIONS, QUEUE, safeJobId, type ArticleJob } from '../src/adapters/queue/queues.js';
import { articleId } from '../src/core/ids/article-id.js';
import { alertId, deliveryId } from '../src/core/deliver/delivery-ids.js';
import { corpusPages } from './corpus-pages.js';
import { percentile } from './percentiles.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const threads = arg('--threads', os.availableParallelism());
const copies = arg('--copies', 3);
const hostileBlocks = arg('--hostile-blocks', 30_000);
const rounds = arg('--rounds', 1);
/** --pool-only: skip the in-process mode (for profiling the pool's event loop). */
const poolOnly = process.argv.includes('--pool-only');

const pages = corpusPages();

function hostileHtml(blocks: number): string {
  const block = (i: number) => `<div class="c${i % 7}"><p>Paragraph ${i}, with some words, and commas, to score well here.</p><a href="/x${i}">link</a></div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title></head><body><article>${Array.from({ length: blocks }, (_, i) => block(i)).join('')}</article></body></html>`;
}
const hostile = hostileHtml(hostileBlocks);

interface Figures {
  mode: string; articles: number; seconds: number; perSecond: number; cpuMsPerArticle: number; loopP99: number; loopMax: number;
  hostileSeconds: number; hostileLoopMax: number; deliveryIdleMs: number; deliveryDuringHostileMs: number;
  /** Resident memory of the process (main and pool threads) after the run, MiB. */
  rssMiB: number;
}

const ms = (ns: number) => ns / 1e6;

/** Serves corpus page i under /p/<copy>/<i>, and the hostile page; calls onHostileSent once it is written. */
async function pageServer(onHostileSent: () => void): Promise<TestHttpServer> {
  return startHttpServer((req, res) => {
    const m = /^\/p\/\d+\/(\d+)$/.exec(req.url ?? '');
    if (m) { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[Number(m[1])]!.html); return; }
    if (req.url?.startsWith('/hostile')) { res.on('finish', onHostileSent); res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostile); return; }
    res.writeHead(404).end();
  });
}

function articleJob(url: string, n: number) {
  const item = { key: `k${n}-${url}`, url, title: '', summary: '' };
  const data: ArticleJob = { sourceId: 'bench', item, articleId: articleId(url) };
  return { name: 'article', data, opts: { ...JOB_OPTIONS.article, jobId: safeJobId(`${data.articleId}-bench`) } };
}

/** Runs jobs through the article workers; resolves when each has completed or failed. */
async function runJobs(p: Pipeline, jobs: ReturnType<typeof articleJob>[]): Promise<number> {
  const worker = p.workers.workers.find((w) => w.name === QUEUE.article)!;
  let settled = 0;
  const count = () => { settled += 1; };
  worker.on('completed', count);
  worker.on('failed', count);
  const t0 = performance.now();
  await p.services.queues.article.addBulk(jobs);
  await waitFor('article jobs settled', () => settled >= jobs.length, 600_000, 5);
  worker.off('completed', count);
  worker.off('failed', count);
  return (performance.now() - t0) / 1000;
}

/** One alert and its pending delivery to the receiver, made directly (the bench times its sending only). */
async function makeDelivery(p: Pipeline, rx: WebhookReceiver): Promise<string> {
  const sub = await p.subscribe({ name: 'bench', query: 'benchpoolmarker', channels: [{ type: 'webhook', url: rx.url('/d'), format: 'standard' }] });
  rx.setSecrets('/d', [sub.secret!]);
  const url = 'http://127.0.0.1:1/articles/bench-delivery';
  const now = new Date().toISOString();
  await p.services.articles.putIfAbsent({ id: articleId(url), url, sourceId: 'bench', title: 'benchpoolmarker', summary: '', text: 'benchpoolmarker', fetchedAt: now });
  const alert = { id: alertId(sub.id, 'sto_bench'), subscriptionId: sub.id, storyId: 'sto_bench', articleId: articleId(url), relatedArticleIds: [], matches: [], createdAt: now };
  await p.services.alerts.createAlert(alert);
  const id = deliveryId(sub.id, 'sto_bench', sub.channelIds[0]!);
  await p.services.alerts.createDelivery({ id, alertId: alert.id, subscriptionId: sub.id, channelId: sub.channelIds[0]!, status: 'pending', attempts: 0 });
  return id;
}

/** Queues the delivery (again) and resolves with the milliseconds until the receiver has it. */
async function timeDelivery(p: Pipeline, rx: WebhookReceiver, id: string, n: number): Promise<number> {
  const before = rx.received.length;
  const t0 = performance.now();
  if (n > 0) await p.services.alerts.resetForReplay(id);
  await p.services.queues.deliver.add('deliver', { deliveryId: id }, { ...JOB_OPTIONS.deliver, jobId: `${id}-bench-${n}` });
  await waitFor('delivery received', () => rx.received.length > before, 120_000, 1);
  return performance.now() - t0;
}

async function runMode(poolThreads: number): Promise<Figures> {
  const p = await startPipeline({ VIGIE_POOL_THREADS: String(poolThreads), VIGIE_LOCK_MS: '60000', VIGIE_STALLED_MS: '30000' });
  const rx = await startWebhookReceiver();
  let hostileSent: (() => void) | undefined;
  const server = await pageServer(() => hostileSent?.());
  try {
    await p.services.sources.put({ id: 'bench', name: 'bench', url: `${server.origin}/feed.xml`, kind: 'feed', intervalSeconds: 3600, fetchArticles: true, enabled: true });
    await p.services.entities.current(); // the catalog compiled before any timing
    const deliveryIdOf = await makeDelivery(p, rx);
    const idle: number[] = [];
    for (let n = 0; n < 5; n += 1) idle.push(await timeDelivery(p, rx, deliveryIdOf, n));

    // Warm-up (JIT, each thread's matcher), then the timed pass.
    await runJobs(p, pages.map((_, i) => articleJob(`${server.origin}/p/0/${i}`, i)));
    const timed = Array.from({ length: copies }, (_, c) => pages.map((_, i) => articleJob(`${server.origin}/p/${c + 1}/${i}`, i))).flat();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpu0 = process.cpuUsage(); // the whole process: main thread and pool threads
    const seconds = await runJobs(p, timed);
    const cpu = process.cpuUsage(cpu0);
    loop.disable();

    // The hostile page alone; a delivery falls due as soon as its bytes are sent.
    let duringHostile: Promise<number> | undefined;
    hostileSent = () => { duringHostile ??= timeDelivery(p, rx, deliveryIdOf, 5); };
    const hostileLoop = monitorEventLoopDelay({ resolution: 10 });
    hostileLoop.enable();
    const hostileSeconds = await runJobs(p, [articleJob(`${server.origin}/hostile/${poolThreads}`, 0)]);
    hostileLoop.disable();
    const deliveryDuringHostileMs = await (duringHostile ?? Promise.reject(new Error('the hostile page was never fetched')));
    return {
      mode: poolThreads === 0 ? 'in-process (0)' : `pool (${poolThreads} threads)`, articles: timed.length, seconds, perSecond: timed.length / seconds,
      cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / timed.length,
      loopP99: ms(loop.percentile(99)), loopMax: ms(loop.max), hostileSeconds, hostileLoopMax: ms(hostileLoop.max),
      deliveryIdleMs: percentile(idle, 50), deliveryDuringHostileMs, rssMiB: process.memoryUsage().rss / 2 ** 20,
    };
  } finally {
    await p.close();
    await rx.close();
    await server.close();
  }
}

console.log(`article-pool: ${pages.length} corpus pages x ${copies} timed copies (after a warm-up pass), hostile page ${(hostile.length / 2 ** 20).toFixed(1)} MiB, `
  + `${os.availableParallelism()} cores (load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}), node ${process.version}`);
const results: Figures[] = [];
// Modes alternate which goes first: the first pipeline of a process has run slower in every run so far.
for (let r = 0; r < rounds; r += 1) {
  const order = poolOnly ? [threads] : r % 2 === 0 ? [0, threads] : [threads, 0];
  for (const t of order) results.push(await runMode(t));
}
const f1 = (x: number) => x.toFixed(1);
console.log('\n| mode | articles | s | articles/s | CPU ms/article | loop delay p99 / max (ms) | hostile page s | loop max during it (ms) | delivery idle / during hostile (ms) | RSS MiB |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const x of results) {
  console.log(`| ${x.mode} | ${x.articles} | ${f1(x.seconds)} | ${f1(x.perSecond)} | ${f1(x.cpuMsPerArticle)} | ${f1(x.loopP99)} / ${f1(x.loopMax)} | ${f1(x.hostileSeconds)} | ${f1(x.hostileLoopMax)} | ${f1(x.deliveryIdleMs)} / ${f1(x.deliveryDuringHostileMs)} | ${x.rssMiB.toFixed(0)} |`);
}
const inProc = results.filter((x) => x.mode.startsWith('in-process'));
const pooled = results.filter((x) => x.mode.startsWith('pool'));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`\nthroughput ratio pool / in-process: ${(mean(pooled.map((x) => x.perSecond)) / mean(inProc.map((x) => x.perSecond))).toFixed(2)}x; `
  + `load average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
process.exit(0);
