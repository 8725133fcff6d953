// Hands a source-health event to the admin channels: the notice is stored once by its event id, and one
// delivery per configured channel is created (deterministic id, created once) and queued, so the deliver
// stage sends it with the alerts' signing, status lock and retry schedule. No channel: nothing to do.
import { ADMIN_SUBSCRIPTION_ID, adminChannelIds } from '../core/deliver/admin-channels.js';
import { deliveryId } from '../core/deliver/delivery-ids.js';
import type { AdminNotice } from '../core/render/admin-notice.js';
import { JOB_OPTIONS } from '../adapters/queue/queues.js';
import type { Services } from '../runtime/create-services.js';

export function configuredAdminChannels(s: Services) {
  return adminChannelIds({ webhookUrl: s.env.VIGIE_ADMIN_WEBHOOK_URL, webhookSecret: s.env.VIGIE_ADMIN_WEBHOOK_SECRET, email: s.env.VIGIE_ADMIN_EMAIL });
}

/** Returns the channels the event was queued to (a repeat of the same event queues nothing new). */
export async function notifyAdmins(s: Services, notice: AdminNotice): Promise<string[]> {
  const channels = configuredAdminChannels(s);
  if (channels.length === 0) return [];
  await s.adminEvents.put(notice);
  for (const channelId of channels) {
    const id = deliveryId(ADMIN_SUBSCRIPTION_ID, notice.id, channelId);
    await s.alerts.createDelivery({ id, alertId: notice.id, subscriptionId: ADMIN_SUBSCRIPTION_ID, channelId, status: 'pending', attempts: 0 }, s.clock());
    await s.queues.deliver.add('deliver', { deliveryId: id }, { ...JOB_OPTIONS.deliver, jobId: id });
  }
  return channels;
}
