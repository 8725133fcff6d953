// A source-health event as admins receive it: the record kept for its deliveries, the webhook body
// (Standard Webhooks `{type, timestamp, data}`, like alerts) and the email. Pure; no secret in it.
import type { HealthEvent, UnhealthyReason } from '../health/next-health.js';
import type { SourceConfig, SourceState } from '../model/source.js';
import { cleanLine } from './clean-text.js';
import { escapeHtml } from './escape-html.js';

export interface AdminNotice {
  /** The event id (`hev_…`): the same transition always has the same id. */
  id: string;
  type: HealthEvent['type'];
  at: string;
  source: { id: string; name: string; url: string };
  reason?: UnhealthyReason;
  detail: string;
  /** When the state this event ends began. */
  previousSince: string;
  lastErrorCode?: string;
  lastErrorMessage?: string;
  lastSuccessAt?: string;
}

export function buildAdminNotice(event: HealthEvent, source: SourceConfig, state: SourceState): AdminNotice {
  return {
    id: event.id, type: event.type, at: event.at,
    source: { id: source.id, name: cleanLine(source.name, 200), url: source.url },
    ...(event.reason ? { reason: event.reason } : {}),
    detail: event.detail, previousSince: event.previousSince,
    ...(state.lastErrorCode ? { lastErrorCode: state.lastErrorCode, lastErrorMessage: cleanLine(state.lastErrorMessage ?? '', 500) } : {}),
    ...(state.lastSuccessAt ? { lastSuccessAt: state.lastSuccessAt } : {}),
  };
}

export function renderAdminWebhook(n: AdminNotice, now: Date): string {
  const { id, type, at, ...data } = n;
  return JSON.stringify({ type, timestamp: now.toISOString(), data: { eventId: id, at, ...data } });
}

export interface AdminEmail {
  subject: string;
  text: string;
  html: string;
  headers: { 'Message-ID': string };
}

function headline(n: AdminNotice): string {
  const name = cleanLine(n.source.name, 80);
  return n.type === 'source.unhealthy' ? `Source ${name} is unhealthy (${n.reason ?? 'unknown'})` : `Source ${name} has recovered`;
}

export function renderAdminEmail(n: AdminNotice, envelope: { deliveryId: string; domain: string; pageUrl: string }): AdminEmail {
  const subject = `[vigie] ${headline(n)}`;
  const lines = [
    `${headline(n)}: ${n.detail}.`,
    '',
    `Source: ${n.source.id} ${n.source.url}`,
    `Since: ${n.at}`,
    ...(n.lastErrorCode ? [`Last error: ${n.lastErrorCode} ${n.lastErrorMessage ?? ''}`.trim()] : []),
    ...(n.lastSuccessAt ? [`Last good poll: ${n.lastSuccessAt}`] : []),
    '',
    `Sources panel: ${envelope.pageUrl}`,
  ];
  const html = ['<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif">',
    `<h1 style="font-size:18px">${escapeHtml(headline(n))}</h1>`,
    ...lines.filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`), '</body></html>'].join('\n');
  return { subject, text: lines.join('\n'), html, headers: { 'Message-ID': `<${envelope.deliveryId}@${envelope.domain}>` } };
}
