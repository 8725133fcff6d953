// What one attempt to hand a delivery to its channel came to, before deliverAlert records it. No behaviour.

export type Attempt = { outcome: 'submitted' | 'retry' | 'gone' | 'failed-permanent'; reason: string; statusCode?: number; retryAfterMs?: number; durationMs?: number };
