// Route schemas are written once in zod: zod validates the request (strict objects, no coercion of
// bodies) and its JSON Schema form feeds the OpenAPI document. Fastify never sees an unchecked part.
import type { FastifySchema } from 'fastify';
import { z } from 'zod';
import { ValidationError, type FieldIssue } from './api-errors.js';

type Part = 'body' | 'querystring' | 'params';

export interface RouteSpec {
  operationId: string;
  summary: string;
  tags: string[];
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  /** Public routes (health, feed with token, unsubscribe) say so in the document. */
  public?: boolean;
  /** Extra OpenAPI response descriptions. */
  responses?: Record<number, string>;
}

const zodOf = new WeakMap<object, { schema: z.ZodType; part: Part }>();

function jsonSchemaOf(schema: z.ZodType, part: Part): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  zodOf.set(json, { schema, part });
  return json;
}

/** The Fastify schema (validation + OpenAPI) of one route. */
export function routeSchema(spec: RouteSpec): FastifySchema & Record<string, unknown> {
  const responses: Record<string, { description: string }> = { 200: { description: 'OK' } };
  for (const [code, description] of Object.entries(spec.responses ?? {})) responses[code] = { description };
  if (!spec.public) {
    responses[401] = { description: 'unauthorized: no key, or an unknown or revoked key' };
    responses[429] = { description: 'rate_limited' };
  }
  if (spec.body || spec.query || spec.params) responses[400] = { description: 'validation_failed, with details.issues' };
  const out: FastifySchema & Record<string, unknown> = {
    operationId: spec.operationId, summary: spec.summary, tags: spec.tags,
    ...(spec.public ? { security: [] } : {}),
    response: responses,
  };
  if (spec.body) out.body = jsonSchemaOf(spec.body, 'body');
  if (spec.query) out.querystring = jsonSchemaOf(spec.query, 'querystring');
  if (spec.params) out.params = jsonSchemaOf(spec.params, 'params');
  return out;
}

const PART_NAME: Record<string, string> = { body: 'body', querystring: 'query', params: 'params' };

function issuesOf(err: z.ZodError, part: string): FieldIssue[] {
  return err.issues.map((i) => ({ path: [PART_NAME[part] ?? part, ...i.path.map(String)].join('.'), message: i.message }));
}

/** Fastify validatorCompiler: looks up the zod schema behind a JSON schema made by routeSchema. */
export function zodValidatorCompiler(req: { schema: unknown; httpPart?: string }): (data: unknown) => { value?: unknown; error?: Error } {
  const found = typeof req.schema === 'object' && req.schema !== null ? zodOf.get(req.schema) : undefined;
  if (!found) throw new Error(`route schema for ${req.httpPart ?? 'a part'} was not made by routeSchema()`);
  return (data) => {
    const res = found.schema.safeParse(data ?? (found.part === 'body' ? undefined : {}));
    return res.success ? { value: res.data } : { error: new ValidationError(issuesOf(res.error, found.part)) };
  };
}

/** Response bodies are plain JSON (no fast-json-stringify): the response entries are documentation only. */
export function noSerializerCompiler(): (data: unknown) => string {
  return (data) => JSON.stringify(data);
}
