/**
 * The units of the entry document, the parts a load checks and remembers one by one: each member
 * of `paths` and `webhooks` (a path item), of each `components` section, of Swagger's
 * `definitions`, `parameters` and `responses`, and each other top-level member. The sections
 * holding them are walked through. Every other file is one unit, whole.
 */
const SECTIONS = new Set(['paths', 'webhooks', 'components', 'definitions', 'parameters', 'responses']);

/** Whether the object at `tokens` of the entry document is a section, whose members are units. */
export function isSection(tokens: readonly string[]): boolean {
  return tokens.length === 0 || (tokens.length === 1 ? SECTIONS.has(tokens[0]!) : tokens.length === 2 && tokens[0] === 'components');
}

/** How many of a pointer's tokens lead to the unit holding it (fewer for a section, none for the root). */
export function unitDepth(tokens: readonly string[]): number {
  if (tokens.length === 0) return 0;
  const depth = tokens[0] === 'components' ? 3 : SECTIONS.has(tokens[0]!) ? 2 : 1;
  return Math.min(depth, tokens.length);
}
