// The body of a subscriber's request to a hub (WebSub §5.1): an application/x-www-form-urlencoded form.
// Pure: the caller sends it (through the outbound gate) and keeps the secret.

export type WebSubMode = 'subscribe' | 'unsubscribe';

export interface WebSubRequest {
  mode: WebSubMode;
  topic: string;
  callback: string;
  /** §5.1: at most 200 bytes; sent only with subscribe (the hub signs content with it). */
  secret?: string;
  leaseSeconds?: number;
}

export function websubForm(req: WebSubRequest): string {
  const form = new URLSearchParams({ 'hub.mode': req.mode, 'hub.topic': req.topic, 'hub.callback': req.callback });
  if (req.mode === 'subscribe') {
    if (req.secret !== undefined) form.set('hub.secret', req.secret);
    if (req.leaseSeconds !== undefined) form.set('hub.lease_seconds', String(req.leaseSeconds));
  }
  return form.toString();
}

/** The callback URL of a source: one per source, so a push names its source by its path alone. */
export function websubCallback(publicUrl: string, sourceId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/websub/${encodeURIComponent(sourceId)}`;
}
