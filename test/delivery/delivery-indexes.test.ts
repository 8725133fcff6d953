// The delivery record and its three indexes (waiting, held, dead) change together in the store's scripts:
// a delivery is listed in an index exactly while its status says so, whatever path it took (claimed,
// held, released, failed, dead, replayed), and its attempt log keeps the last 50 entries. Real Redis.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPipeline, type Pipeline } from '../harness/pipeline.js';
import type { AttemptRecord } from '../../src/adapters/redis/alert-store.js';

let p: Pipeline;
let n = 0;

before(async () => {
  p = await startPipeline();
  await p.workers.close(); // the store is called directly
});

after(async () => {
  await p.close();
});

async function pending(status: 'pending' | 'held' = 'pending'): Promise<string> {
  n += 1;
  const id = `dlv_index_${n}`;
  await p.services.alerts.createDelivery({ id, alertId: `alr_index_${n}`, subscriptionId: 'sub_index', channelId: 'ch_1', status, attempts: 0 });
  return id;
}

/** Which indexes list the delivery, and its status. */
async function where(id: string): Promise<{ status: string | undefined; in: string[] }> {
  const a = p.services.alerts;
  const lists = { waiting: await a.listWaiting(10_000), held: await a.listHeld(10_000), dead: await a.listDead(10_000) };
  return { status: (await a.getDelivery(id))?.status, in: Object.entries(lists).filter(([, ids]) => ids.includes(id)).map(([k]) => k) };
}

const attempt = (outcome: string, i = 1): AttemptRecord => ({ at: new Date().toISOString(), attempt: i, outcome, reason: outcome });
const claim = (id: string) => p.services.alerts.claim(id, new Date(), 60_000);

test('a claimed delivery stays waiting while sending, and a submitted one leaves every index', async () => {
  const id = await pending();
  assert.deepEqual(await where(id), { status: 'pending', in: ['waiting'] });
  assert.equal(await claim(id), 'claimed');
  assert.deepEqual(await where(id), { status: 'sending', in: ['waiting'] });
  await p.services.alerts.finish(id, 'submitted', attempt('submitted'));
  assert.deepEqual(await where(id), { status: 'submitted', in: [] });
});

test('a failed attempt keeps it waiting; a dead one moves to the dead index; a replay brings it back to waiting', async () => {
  const id = await pending();
  await claim(id);
  await p.services.alerts.finish(id, 'failed', attempt('retry'), { nextAttemptAt: new Date(Date.now() + 60_000) });
  assert.deepEqual(await where(id), { status: 'failed', in: ['waiting'] });
  await claim(id);
  await p.services.alerts.finish(id, 'dead', attempt('failed-permanent', 2));
  assert.deepEqual(await where(id), { status: 'dead', in: ['dead'] });
  assert.equal(await p.services.alerts.resetForReplay(id), true);
  assert.deepEqual(await where(id), { status: 'pending', in: ['waiting'] });
  await claim(id);
  await p.services.alerts.finish(id, 'submitted', attempt('submitted', 3));
  assert.deepEqual(await where(id), { status: 'submitted', in: [] });
});

test('a held delivery is only in the held index; claimed after a cut-short release it leaves it', async () => {
  const id = await pending();
  assert.equal(await p.services.alerts.hold(id, new Date(), 'endpoint disabled'), 'held');
  assert.deepEqual(await where(id), { status: 'held', in: ['held'] });
  assert.equal(await claim(id), 'claimed', 'a held delivery can be claimed once its channel is enabled again');
  assert.deepEqual(await where(id), { status: 'sending', in: [] });
  await p.services.alerts.finish(id, 'held', attempt('gone'));
  assert.deepEqual(await where(id), { status: 'held', in: ['held'] }, 'a 410 holds it again');
  assert.equal(await p.services.alerts.leaveHeld(id, 'pending', new Date(), 'released'), true);
  assert.deepEqual(await where(id), { status: 'pending', in: ['waiting'] });
});

test('a delivery created held, ended dead unsent, is in the dead index only', async () => {
  const id = await pending('held');
  assert.deepEqual(await where(id), { status: 'held', in: ['held'] });
  await p.services.alerts.finish(id, 'dead', attempt('dead', 0));
  assert.deepEqual(await where(id), { status: 'dead', in: ['dead'] });
});

test('claims: busy while another claim is fresh, taken over once it is stale, never from a final state', async () => {
  const id = await pending();
  assert.equal(await claim(id), 'claimed');
  assert.equal(await claim(id), 'busy');
  assert.equal(await p.services.alerts.claim(id, new Date(Date.now() + 120_000), 60_000), 'claimed', 'the first claim is stale by then');
  assert.equal((await p.services.alerts.getDelivery(id))?.attempts, 2);
  await p.services.alerts.finish(id, 'submitted', attempt('submitted', 2));
  assert.equal(await claim(id), 'submitted');
  assert.equal(await claim('dlv_index_missing'), 'missing');
});

test('the attempt log keeps the 50 latest entries, newest last', async () => {
  const id = await pending();
  for (let i = 1; i <= 53; i += 1) {
    await claim(id);
    await p.services.alerts.finish(id, 'failed', attempt('retry', i), { nextAttemptAt: new Date() });
  }
  const log = await p.services.alerts.attempts(id);
  assert.equal(log.length, 50);
  assert.deepEqual([log[0]!.attempt, log.at(-1)!.attempt], [4, 53]);
});
