// Every Redis key name vigie uses, in one place, under one configurable prefix. The prefix is wrapped
// in a hash tag ({vigie}) so a Redis Cluster keeps one deployment's keys (and its Lua scripts) on one slot.

export interface Keys {
  prefix: string;
  bullPrefix: string;
  sources: string;
  source(id: string): string;
  sourceState(id: string): string;
  validators(sourceId: string): string;
  /** The lease of the poll under way for a source: at most one at a time across workers (poll-source.ts). */
  pollLease(sourceId: string): string;
  /** WebSub push state of a source: hub, topic, secret, wanted mode, lease (push-store.ts). */
  websub(sourceId: string): string;
  seen(sourceId: string): string;
  /** A source's health as admins are told of it (source-health-store.ts). */
  sourceHealth(sourceId: string): string;
  /** Publish times of a source's items, newest kept (the rate adaptive polling follows). */
  sourcePublished(sourceId: string): string;
  /** The interval a source is polled at now, and why. */
  sourcePacing(sourceId: string): string;
  /** A source-health event sent to the admin channels, kept while its deliveries may need it. */
  adminEvent(id: string): string;
  article(id: string): string;
  /** The article without its text, for deliveries (article-card.ts); same lifetime as the article. */
  articleCard(id: string): string;
  articlesByTime: string;
  articleStory(id: string): string;
  articleRouted(id: string): string;
  subscriptions: string;
  subscriptionsByOwner(owner: string): string;
  subscription(id: string): string;
  webhookSecrets(subscriptionId: string, channelId: string): string;
  subscriptionsVersion: string;
  entities: string;
  entitiesVersion: string;
  /** One candidate actor (candidate-store.ts): counts, first/last seen, sources, languages, evidence, status. */
  candidate(key: string): string;
  /** The articles that named a candidate, so an article processed twice counts once. */
  candidateArticles(key: string): string;
  /** Every candidate key, scored by when it was last seen. */
  candidates: string;
  alert(id: string): string;
  alertsByTime: string;
  alertsBySubscription(subscriptionId: string): string;
  /** The alerts made for one story (one per subscription it was sent to): who is owed its updates. */
  storyAlerts(storyId: string): string;
  delivery(id: string): string;
  deliveryLog(id: string): string;
  deliveriesDead: string;
  /** Deliveries still owed an attempt (pending, sending, failed), scored by their next attempt time. */
  deliveriesWaiting: string;
  /** Deliveries held for a disabled webhook channel, scored by when they were held. */
  deliveriesHeld: string;
  /** Capped list of events an admin should see (an endpoint disabled, re-enabled). */
  events: string;
  deliveriesBySubscription(subscriptionId: string): string;
  /** An alert's update state: what its subscriber was told, updates made, the round scheduled (update-store.ts). */
  alertUpdateState(alertId: string): string;
  /** Later articles' readings of an alert's event, noted until an update accounts for them. */
  alertObservations(alertId: string): string;
  /** One update as made (frozen), read by its deliveries. */
  alertUpdate(alertId: string, seq: number): string;
  story(id: string): string;
  storyIndex(key: string): string;
  /** The lease held while an article is assigned to a story (story-store.ts). */
  storyLock: string;
  digestPending(subscriptionId: string, channelId: string): string;
  digestChannels(mode: string): string;
  apiKey(hash: string): string;
  apiKeys: string;
  heartbeat(role: string): string;
  signingKey: string;
  /** Prefix of the API's rate-limit counters (one per key or client address and window). */
  rateLimit: string;
  /** Leases of the requests in flight to one host, across processes (host-slot-store.ts). */
  hostSlots(host: string): string;
}

export function createKeys(prefix = 'vigie'): Keys {
  const p = `{${prefix}}`;
  return {
    prefix: p,
    bullPrefix: `{${prefix}}:bull`,
    sources: `${p}:sources`,
    source: (id) => `${p}:source:${id}`,
    sourceState: (id) => `${p}:source-state:${id}`,
    validators: (id) => `${p}:validators:${id}`,
    pollLease: (id) => `${p}:poll-lease:${id}`,
    websub: (id) => `${p}:websub:${id}`,
    seen: (id) => `${p}:seen:${id}`,
    sourceHealth: (id) => `${p}:source-health:${id}`,
    sourcePublished: (id) => `${p}:source-published:${id}`,
    sourcePacing: (id) => `${p}:source-pacing:${id}`,
    adminEvent: (id) => `${p}:admin-event:${id}`,
    article: (id) => `${p}:article:${id}`,
    articleCard: (id) => `${p}:article-card:${id}`,
    articlesByTime: `${p}:articles:by-time`,
    articleStory: (id) => `${p}:article-story:${id}`,
    articleRouted: (id) => `${p}:article-routed:${id}`,
    subscriptions: `${p}:subscriptions`,
    subscriptionsByOwner: (owner) => `${p}:subscriptions:owner:${owner}`,
    subscription: (id) => `${p}:subscription:${id}`,
    webhookSecrets: (sub, chan) => `${p}:webhook-secret:${sub}:${chan}`,
    subscriptionsVersion: `${p}:subscriptions:version`,
    entities: `${p}:entities`,
    entitiesVersion: `${p}:entities:version`,
    candidate: (key) => `${p}:candidate:${key}`,
    candidateArticles: (key) => `${p}:candidate-articles:${key}`,
    candidates: `${p}:candidates`,
    alert: (id) => `${p}:alert:${id}`,
    alertsByTime: `${p}:alerts:by-time`,
    alertsBySubscription: (sub) => `${p}:alerts:subscription:${sub}`,
    storyAlerts: (id) => `${p}:story-alerts:${id}`,
    delivery: (id) => `${p}:delivery:${id}`,
    deliveryLog: (id) => `${p}:delivery-log:${id}`,
    deliveriesDead: `${p}:deliveries:dead`,
    deliveriesWaiting: `${p}:deliveries:waiting`,
    deliveriesHeld: `${p}:deliveries:held`,
    events: `${p}:events`,
    deliveriesBySubscription: (sub) => `${p}:deliveries:subscription:${sub}`,
    alertUpdateState: (id) => `${p}:alert-update-state:${id}`,
    alertObservations: (id) => `${p}:alert-observations:${id}`,
    alertUpdate: (id, seq) => `${p}:alert-update:${id}:${seq}`,
    story: (id) => `${p}:story:${id}`,
    storyIndex: (key) => `${p}:story-index:${key}`,
    storyLock: `${p}:lock:story-assign`,
    digestPending: (sub, chan) => `${p}:digest:${sub}:${chan}`,
    digestChannels: (mode) => `${p}:digest-channels:${mode}`,
    apiKey: (hash) => `${p}:api-key:${hash}`,
    apiKeys: `${p}:api-keys`,
    heartbeat: (role) => `${p}:heartbeat:${role}`,
    signingKey: `${p}:signing-key`,
    rateLimit: `${p}:rate-limit:`,
    hostSlots: (host) => `${p}:host-slots:${host}`,
  };
}
