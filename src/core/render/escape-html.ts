// Escapes text for HTML element content and double- or single-quoted attribute values.
// Pure. Every string from a feed, an article or a user goes through it before reaching an HTML part.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
