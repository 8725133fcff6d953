// The catalogue of stable error codes. A code never changes meaning once shipped; add new ones here.
// `permanent: true` means retrying the same input cannot help (BullMQ UnrecoverableError).

export const ERROR_CODES = {
  // configuration and input
  CONFIG_INVALID: { permanent: true, summary: 'configuration or environment is invalid' },
  BAD_URL: { permanent: true, summary: 'URL cannot be parsed or has a forbidden form' },
  UNSUPPORTED_SCHEME: { permanent: true, summary: 'only http and https URLs are fetched' },
  URL_NOT_PUBLIC: { permanent: true, summary: 'the URL names a non-public address not allowed by VIGIE_ALLOW_NETWORKS' },
  HTTPS_REQUIRED: { permanent: true, summary: 'webhook URLs must be https (http only to an allowed network, or with VIGIE_ALLOW_HTTP_WEBHOOKS=1)' },
  SMTP_NOT_CONFIGURED: { permanent: true, summary: 'an email channel is declared but SMTP_URL is not set' },
  ENTITY_INVALID: { permanent: true, summary: 'an entity definition is invalid' },
  ENTITY_COMPILE_FAILED: { permanent: true, summary: 'the entity catalog with the latest edits could not be compiled; the previous catalog stays in use until the next edit' },
  QUERY_SYNTAX: { permanent: true, summary: 'a keyword query has a syntax error' },
  QUERY_TOO_DEEP: { permanent: true, summary: 'a keyword query nests groups or negations too deeply' },
  QUERY_TOO_LONG: { permanent: true, summary: 'a keyword query is longer than allowed' },
  NOT_FOUND: { permanent: true, summary: 'the requested object does not exist' },
  // outbound gate
  SSRF_BLOCKED: { permanent: true, summary: 'target address is not public and not allowed' },
  DNS_ERROR: { permanent: false, summary: 'host name could not be resolved' },
  FETCH_CONNECT: { permanent: false, summary: 'connection refused, reset or closed' },
  FETCH_TIMEOUT: { permanent: false, summary: 'connect or total deadline passed' },
  FETCH_SLOT_WAIT: { permanent: false, summary: 'no per-host request slot came free in time; nothing was sent' },
  FETCH_TOO_LARGE: { permanent: true, summary: 'decoded body is larger than the cap' },
  TOO_MANY_REDIRECTS: { permanent: true, summary: 'more redirects than allowed' },
  REDIRECT_NOT_ALLOWED: { permanent: true, summary: 'a redirect was answered where none is followed' },
  TLS_ERROR: { permanent: false, summary: 'TLS handshake or certificate failure' },
  BAD_ENCODING: { permanent: true, summary: 'response content encoding is invalid or stacked too deep' },
  HTTP_STATUS: { permanent: false, summary: 'the server answered with a non-success status' },
  // parsing and extraction
  FEED_PARSE_ERROR: { permanent: true, summary: 'the feed is not well-formed' },
  NOT_A_FEED: { permanent: true, summary: 'the document is not RSS, RDF or Atom' },
  EXTRACT_EMPTY: { permanent: true, summary: 'no article text could be extracted' },
  OPML_PARSE_ERROR: { permanent: true, summary: 'the OPML file is not well-formed XML, or declares a DOCTYPE (entities are never expanded)' },
  NOT_OPML: { permanent: true, summary: 'the document is XML but not OPML (no <opml> root with a <body>)' },
  OPML_TOO_LARGE: { permanent: true, summary: 'the OPML file is larger, nests deeper or holds more outlines than allowed' },
  SOURCE_TYPE_UNSUPPORTED: { permanent: true, summary: 'the outline names a kind of source vigie cannot poll (only RSS, RDF and Atom feeds are imported)' },
  // delivery
  WEBHOOK_FAILED: { permanent: false, summary: 'the webhook endpoint did not accept the delivery' },
  WEBHOOK_GONE: { permanent: true, summary: 'the webhook endpoint answered 410 Gone and is disabled' },
  SMTP_TRANSIENT: { permanent: false, summary: 'the SMTP server refused temporarily (4xx) or dropped' },
  SMTP_PERMANENT: { permanent: true, summary: 'the SMTP server refused permanently (5xx)' },
  WEBSUB_HUB_REFUSED: { permanent: true, summary: 'a WebSub hub refused a subscribe or unsubscribe request (4xx)' },
  HELD_CHOICE_REQUIRED: { permanent: true, summary: 're-enabling a channel with held deliveries needs a choice: deliver or discard them' },
  // state
  REDIS_UNAVAILABLE: { permanent: false, summary: 'Redis cannot be reached' },
  REDIS_MISCONFIGURED: { permanent: true, summary: 'Redis settings are unsafe for vigie' },
  REDIS_NOT_CONFIGURED: { permanent: true, summary: 'REDIS_URL is unset and no `vigie start` runs for this data folder' },
  DATA_DIR_LOCKED: { permanent: true, summary: 'another `vigie start` is running on this data folder' },
  // worker threads
  ANALYSIS_THREAD_FAILED: { permanent: false, summary: 'a parsing, extraction or matching thread died or could not start; the job is tried again' },
  // batch input
  BAD_INPUT: { permanent: true, summary: 'an input record (a JSON line) is malformed or lacks a field' },
} as const satisfies Record<string, { permanent: boolean; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
