// Small zod pieces shared by several routes' schemas (ids in paths, limits, time ranges).
import { z } from 'zod';

export const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'ids are letters, digits, _ and -') }).strict();
export const limitQuery = z.coerce.number().int().min(1).max(500).default(50);
export const isoTime = z.string().datetime({ offset: true }).describe('ISO 8601 time, e.g. 2026-11-25T10:00:00Z');
export const langEnum = z.enum(['en', 'fr', 'ar']);
export const emptyBody = z.object({}).strict().nullable().optional();
