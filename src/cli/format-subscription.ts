// The text `vigie subscriptions show` prints: what a subscription watches, where its alerts go and
// its latest alerts, for a person to read (`--json` keeps the raw object). Never a secret.
import type { Channel, Subscription } from '../core/model/subscription.js';

export interface RecentAlert { id: string; createdAt: string; title?: string }

const LABEL = 13; // '  ' + the widest label ('languages') + its gap, so values line up

function row(label: string, values: string[]): string[] {
  const [first = '-', ...rest] = values.length > 0 ? values : ['-'];
  return [`  ${label.padEnd(LABEL - 2)}${first}`, ...rest.map((v) => `${' '.repeat(LABEL)}${v}`)];
}

function channelText(c: Channel): string {
  if (c.type === 'webhook') {
    const state = c.disabled ? `  DISABLED${c.disabledReason ? `: ${c.disabledReason}` : ''}` : '';
    return `${c.id}  webhook ${c.url} (${c.format})${state}`;
  }
  const mode = c.mode === 'immediate' ? 'immediate' : `${c.mode} digest`;
  return `${c.id}  email ${c.address} (${mode})${c.unsubscribed ? '  UNSUBSCRIBED' : ''}`;
}

/** `names` gives an entity id its display name; ids without one are shown alone. */
export function formatSubscription(sub: Subscription, names: ReadonlyMap<string, string>, alerts: readonly RecentAlert[]): string {
  const entity = (id: string) => (names.has(id) ? `${id} (${names.get(id)})` : id);
  return [
    `${sub.id}  ${sub.name}  (${sub.active ? 'active' : 'paused'}, owner ${sub.owner})`,
    ...row('regions', sub.regions.map(entity)),
    ...row('actors', sub.actors.map(entity)),
    ...row('query', sub.query ? [sub.query] : []),
    ...row('languages', sub.languages.length > 0 ? [sub.languages.join(', ')] : ['any']),
    ...row('sources', sub.sources.length > 0 ? [sub.sources.join(', ')] : ['any']),
    ...row('events', sub.events?.length || sub.minKilled !== undefined
      ? [`${sub.events?.length ? sub.events.join(', ') : 'any type'}${sub.minKilled !== undefined ? `, at least ${sub.minKilled} killed` : ''}`] : ['any']),
    ...row('channels', sub.channels.map(channelText)),
    ...row('alerts', alerts.length > 0 ? alerts.map((a) => `${a.createdAt}  ${a.id}${a.title ? `  ${a.title}` : ''}`) : ['none yet']),
    ...row('created', [sub.createdAt]),
  ].join('\n');
}
