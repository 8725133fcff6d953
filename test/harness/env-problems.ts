// The problems loadEnv reports for an environment (all at once, in its CONFIG_INVALID details); none
// when the environment is valid.
import assert from 'node:assert/strict';
import { loadEnv } from '../../src/config/env.js';
import { isVigieError } from '../../src/core/errors/vigie-error.js';

export function envProblems(env: Record<string, string>): string[] {
  try {
    loadEnv(env);
    return [];
  } catch (err) {
    assert.ok(isVigieError(err));
    return err.details.problems as string[];
  }
}
