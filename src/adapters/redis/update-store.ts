// Alert updates in Redis: per alert, what its subscriber was told (`told`), how many updates were made
// (`seq`), the update round scheduled (`scheduled`, one delayed job per round), the later articles'
// readings not yet accounted for, and each update as made (frozen). No update logic here (core/updates).
import type { RedisClient } from './connect-redis.js';
import type { Keys } from './keys.js';
import type { EventFacts } from '../../core/events/diff-event.js';
import type { AlertUpdate, EventObservation } from '../../core/model/alert-update.js';

// Note a reading; the first note keeps what the alert told. Returns the round that will account for it:
// the one scheduled, else a new one (the caller enqueues its job; the same round twice is one job id).
const NOTE_LUA = `
redis.call('HSETNX', KEYS[1], 'told', ARGV[1])
redis.call('HSETNX', KEYS[1], 'seq', '0')
redis.call('RPUSH', KEYS[2], ARGV[2])
local r = redis.call('HGET', KEYS[1], 'scheduled')
if not r then
  r = redis.call('HINCRBY', KEYS[1], 'round', 1)
  redis.call('HSET', KEYS[1], 'scheduled', r)
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[3]))
return tonumber(r)
`;

// End a round: only the round scheduled (a second run of it finds it ended: -1). With a new told state,
// only from the seq it was made on. Drops the readings the round accounted for; if more came meanwhile,
// schedules the next round and returns it (the caller enqueues it a full interval later), else 0.
const FINISH_LUA = `
if redis.call('HGET', KEYS[1], 'scheduled') ~= ARGV[1] then return -1 end
if ARGV[4] ~= '' then
  if redis.call('HGET', KEYS[1], 'seq') ~= ARGV[3] then return -1 end
  redis.call('HSET', KEYS[1], 'told', ARGV[4], 'seq', tostring(tonumber(ARGV[3]) + 1))
end
redis.call('LTRIM', KEYS[2], tonumber(ARGV[2]), -1)
if redis.call('LLEN', KEYS[2]) > 0 then
  local r = redis.call('HINCRBY', KEYS[1], 'round', 1)
  redis.call('HSET', KEYS[1], 'scheduled', r)
  return r
end
redis.call('HDEL', KEYS[1], 'scheduled')
return 0
`;

export interface UpdateState {
  told: EventFacts | undefined;
  seq: number;
  scheduled: number | undefined;
  observations: EventObservation[];
}

type ScriptedRedis = RedisClient & {
  vigieNoteObservation(...args: string[]): Promise<number>;
  vigieFinishUpdateRound(...args: string[]): Promise<number>;
};

export function createUpdateStore(redis: RedisClient, keys: Keys, retentionSeconds: number) {
  redis.defineCommand('vigieNoteObservation', { numberOfKeys: 2, lua: NOTE_LUA });
  redis.defineCommand('vigieFinishUpdateRound', { numberOfKeys: 2, lua: FINISH_LUA });
  const scripted = redis as ScriptedRedis;
  return {
    /** What the alert's subscriber was last told, if an update was ever noted for it. */
    async told(alertId: string): Promise<EventFacts | undefined> {
      const raw = await redis.hget(keys.alertUpdateState(alertId), 'told');
      return raw ? (JSON.parse(raw) as EventFacts) : undefined;
    },
    /** How many updates were made for an alert and the event they told last (undefined: none yet). */
    async made(alertId: string): Promise<{ count: number; event: EventFacts } | undefined> {
      const [seq, told] = await redis.hmget(keys.alertUpdateState(alertId), 'seq', 'told');
      return seq && Number(seq) > 0 && told ? { count: Number(seq), event: JSON.parse(told) as EventFacts } : undefined;
    },
    /** Notes a later article's reading; `told` is what the alert itself said (kept on the first note). */
    async note(alertId: string, told: EventFacts, o: EventObservation): Promise<number> {
      return Number(await scripted.vigieNoteObservation(keys.alertUpdateState(alertId), keys.alertObservations(alertId),
        JSON.stringify(told), JSON.stringify(o), String(retentionSeconds)));
    },
    async read(alertId: string): Promise<UpdateState> {
      const [h, list] = await Promise.all([redis.hgetall(keys.alertUpdateState(alertId)), redis.lrange(keys.alertObservations(alertId), 0, -1)]);
      return {
        told: h.told ? (JSON.parse(h.told) as EventFacts) : undefined,
        seq: Number(h.seq ?? 0),
        scheduled: h.scheduled ? Number(h.scheduled) : undefined,
        observations: list.map((r) => JSON.parse(r) as EventObservation),
      };
    },
    async get(alertId: string, seq: number): Promise<AlertUpdate | undefined> {
      const raw = await redis.get(keys.alertUpdate(alertId, seq));
      return raw ? (JSON.parse(raw) as AlertUpdate) : undefined;
    },
    /** Keeps an update as made, once: a second run gets the first one's (what its deliveries already tell). */
    async freeze(update: AlertUpdate): Promise<AlertUpdate> {
      const key = keys.alertUpdate(update.alertId, update.seq);
      await redis.set(key, JSON.stringify(update), 'EX', retentionSeconds, 'NX');
      return (await this.get(update.alertId, update.seq)) ?? update;
    },
    /** Ends a round (see FINISH_LUA): -1 if it was already ended, the next round, or 0. */
    async finishRound(alertId: string, round: number, consumed: number, seq: number, told: EventFacts | undefined): Promise<number> {
      return Number(await scripted.vigieFinishUpdateRound(keys.alertUpdateState(alertId), keys.alertObservations(alertId),
        String(round), String(consumed), String(seq), told ? JSON.stringify(told) : ''));
    },
  };
}

export type UpdateStore = ReturnType<typeof createUpdateStore>;
