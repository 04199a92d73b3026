/** Possessive determiners ("its forces", "their disputed border"): one list for every stage. */
export const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
