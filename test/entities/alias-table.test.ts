// aliasTable: every alias of an entity once, in a fixed order, with its origin and status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitySchema } from '../../src/core/entities/entity.js';
import { aliasTable } from '../../src/core/entities/alias-table.js';

const e = entitySchema.parse({
  id: 'actor-hts', kind: 'actor', type: 'armed-group',
  names: { en: 'Hayat Tahrir al-Sham', fr: 'Hayat Tahrir al-Cham', ar: 'هيئة تحرير الشام' },
  aliases: { en: ['Hayat Tahrir al-Sham', 'Tahrir al-Sham', 'HTS rebels'], ar: ['الهيئة'] },
  acronyms: ['HTS'],
  former: { en: ['Jabhat al-Nusra'] },
  generic: { en: ['the group'] },
  generated: { en: ['Hayat Tahrir ash-Sham', 'Tahrir Sham'], fr: ['Hayat Tahrir el-Cham'] },
  ambiguous: { 'الهيئة': 'common word (ar: hunspell-ar noun)', 'Tahrir Sham': 'same as actor-other' },
  hand: ['HTS rebels'],
});

test('aliasTable lists each alias once with origin and status, in language then origin order', () => {
  assert.deepEqual(aliasTable(e), [
    { alias: 'Hayat Tahrir al-Sham', lang: 'en', origin: 'data', status: 'ok' },
    { alias: 'Tahrir al-Sham', lang: 'en', origin: 'data', status: 'ok' },
    { alias: 'HTS rebels', lang: 'en', origin: 'hand', status: 'ok' },
    { alias: 'Jabhat al-Nusra', lang: 'en', origin: 'former', status: 'ok' },
    { alias: 'the group', lang: 'en', origin: 'generic', status: 'generic' },
    { alias: 'Hayat Tahrir ash-Sham', lang: 'en', origin: 'generated', status: 'ok' },
    { alias: 'Tahrir Sham', lang: 'en', origin: 'generated', status: 'ambiguous', reason: 'same as actor-other' },
    { alias: 'Hayat Tahrir al-Cham', lang: 'fr', origin: 'data', status: 'ok' },
    { alias: 'Hayat Tahrir el-Cham', lang: 'fr', origin: 'generated', status: 'ok' },
    { alias: 'هيئة تحرير الشام', lang: 'ar', origin: 'data', status: 'ok' },
    { alias: 'الهيئة', lang: 'ar', origin: 'data', status: 'ambiguous', reason: 'common word (ar: hunspell-ar noun)' },
    { alias: 'HTS', lang: 'acronym', origin: 'data', status: 'acronym' },
  ]);
});
