// Loads the hand-written test entities (test/fixtures/match-entities/) once for every match test.
import path from 'node:path';
import { repoRoot } from '../harness/paths.js';
import { loadEntities } from '../../src/config/load-entities.js';
import { compileMatcher } from '../../src/core/match/compile-matcher.js';
import { buildEntityGraph } from '../../src/core/match/entity-graph.js';

export const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'match-entities');
export const entities = loadEntities(fixtureDir);
export const matcher = compileMatcher(entities);
export const graph = buildEntityGraph(entities);
