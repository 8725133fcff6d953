// The API's face of the one URL rule (checkTargetUrl, shared with the CLI and config files): a URL of a
// bad form answers 422 `unprocessable` with the reason; url_not_public and https_required pass through.
import { checkTargetUrl, type UrlPolicy, type UrlUse } from '../config/check-target-url.js';
import { isVigieError } from '../core/errors/vigie-error.js';
import { ApiError } from './api-errors.js';

export function checkPublicUrl(raw: string, use: UrlUse, policy: UrlPolicy, field: string): URL {
  try {
    return checkTargetUrl(raw, use, policy, field);
  } catch (err) {
    if (isVigieError(err) && (err.code === 'BAD_URL' || err.code === 'UNSUPPORTED_SCHEME')) {
      throw new ApiError('unprocessable', err.message, { field, reason: err.code.toLowerCase() });
    }
    throw err;
  }
}
