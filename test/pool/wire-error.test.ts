// An error that crosses the thread boundary as a plain value comes back as the same kind of error:
// a VigieError with its code, module, permanence (also when overridden) and details; anything else as
// an Error with its name and message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromWireError, toWireError } from '../../src/core/errors/wire-error.js';
import { isVigieError, VigieError } from '../../src/core/errors/vigie-error.js';

const cases: Array<[string, unknown, (e: Error) => void]> = [
  ['a VigieError keeps code, module, message and its catalogue permanence', new VigieError('FEED_PARSE_ERROR', 'feed', 'line 3: unclosed tag'), (e) => {
    assert.ok(isVigieError(e));
    assert.deepEqual([e.code, e.module, e.message, e.permanent], ['FEED_PARSE_ERROR', 'feed', 'feed: line 3: unclosed tag', true]);
  }],
  ['an overridden permanence and the details survive', new VigieError('HTTP_STATUS', 'article', 'answered 404', { permanent: true, details: { status: 404 } }), (e) => {
    assert.ok(isVigieError(e));
    assert.equal(e.permanent, true);
    assert.deepEqual(e.details, { status: 404 });
  }],
  ['details that cannot be cloned are dropped, the error still crosses', new VigieError('BAD_INPUT', 'x', 'bad', { details: { fn: () => 1 } }), (e) => {
    assert.ok(isVigieError(e));
    assert.deepEqual(e.details, {});
  }],
  ['a plain error keeps its name and message, and is no VigieError', new RangeError('Maximum call stack size exceeded'), (e) => {
    assert.ok(!isVigieError(e));
    assert.deepEqual([e.name, e.message], ['RangeError', 'Maximum call stack size exceeded']);
  }],
  ['a thrown string becomes an Error with that message', 'boom', (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.message, 'boom');
  }],
];

for (const [name, thrown, check] of cases) {
  test(name, () => check(fromWireError(structuredClone(toWireError(thrown)))));
}
