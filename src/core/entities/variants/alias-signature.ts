// What the matcher indexes for one written alias, as comparable strings: the token sequences of
// aliasVariants (hyphen joins included), Arabic article toggled away. Two aliases with the same
// signature match the same texts, so one of them adds nothing. Pure.
import { aliasVariants } from '../../match/alias-variants.js';

/** The matcher toggles ال on every Arabic token, so الرقة and رقة are one key (remainder >= 3 letters). */
function withoutArticle(token: string): string {
  return token.length >= 5 && token.startsWith('ال') ? token.slice(2) : token;
}

/** The keys under which the matcher indexes `written`: the tokenizer split first, then the joins. */
export function aliasKeys(written: string): string[] {
  return aliasVariants(written).map((tokens) => tokens.map(withoutArticle).join(' '));
}

/** One string per distinct indexing: equal signatures match exactly the same texts. */
export function aliasSignature(written: string): string {
  return [...new Set(aliasKeys(written))].sort().join('|');
}
