// The admin channels source-health events go to, configured once in the environment. Their deliveries
// live beside subscribers' ones under a reserved subscription id that no subscription can take (those
// are all `sub_…`), so they share the status lock, the retry schedule and the delivery listings. Pure.

export const ADMIN_SUBSCRIPTION_ID = 'admin';

export type AdminChannelId = 'webhook' | 'email';

export interface AdminChannelConfig { webhookUrl?: string; webhookSecret?: string; email?: string }

export function adminChannelIds(config: AdminChannelConfig): AdminChannelId[] {
  return [...(config.webhookUrl && config.webhookSecret ? ['webhook' as const] : []), ...(config.email ? ['email' as const] : [])];
}
