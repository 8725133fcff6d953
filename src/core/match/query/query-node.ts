// The keyword query tree produced by parseQuery and read by evaluateQuery. Words are stored normalised
// (same normaliser as entity aliases), with their hyphen-joined variants. No behaviour here.

export type QueryNode =
  /** A term, a prefix term (`word*`) or a "quoted phrase"; `variants` are normalised word sequences. */
  | { type: 'words'; text: string; variants: string[][]; prefix: boolean; quoted: boolean; position: number }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  /** left NEAR/distance right: at most `distance` words between the two. */
  | { type: 'near'; distance: number; left: QueryNode; right: QueryNode }
  /** `type:air_strike`: the article reports an event of that type. */
  | { type: 'event'; eventType: string; position: number }
  /** `killed>=5`, `injured>2`: some event of the article has such a count. */
  | { type: 'count'; field: 'killed' | 'injured'; op: '>=' | '>' | '<=' | '<' | '='; value: number; position: number };

/** NEAR/n accepts 0..NEAR_MAX; fields are separated by a wider gap so NEAR never spans two fields. */
export const NEAR_MAX = 100;
