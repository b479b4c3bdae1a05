/**
 * Entity fetches with different texts to one department sent as one operation: each text's
 * `_entities` selection under its own alias, with its own representations variable:
 *
 *   query Page__youth_league__1($r0:[_Any!]!,$r1:[_Any!]!){
 *     e0:_entities(representations:$r0){...on Trainee{stories{id}}}
 *     e1:_entities(representations:$r1){...on Venture{stories{id}}}}
 *
 * A query plan often asks one department for entities at several paths at the same moment
 * (a page's trainees' stories and their ventures' stories). Sent as one operation, the
 * department checks one signature, runs one GraphQL request and writes one audit statement,
 * and its loaders batch across both fields. Fields under different aliases never conflict,
 * so the operation is valid whenever each text is on its own.
 *
 * Only texts of the planner's plain shape combine: one query whose one variable is
 * `$representations: [_Any!]!` and whose one root field is an unaliased
 * `_entities(representations: $representations)` without directives.
 */
import { Kind, parse, print, stripIgnoredCharacters, type DocumentNode, type FieldNode } from 'graphql';
import type { EntityAnswerBody } from './entity-batching';

/** Texts remembered per process; a gateway's plans have far fewer distinct entity fetches. */
const MAX_REMEMBERED = 2000;
const selections = new Map<string, string | null>();
const combinedTexts = new Map<string, string>();

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
  return value;
}

const aliasOf = (index: number) => `e${index}`;
const variableOf = (index: number) => `r${index}`;

/** The printed selection set of the text's `_entities` field, or undefined if the text has another shape. */
export function entitySelection(query: string): string | undefined {
  const known = selections.get(query);
  if (known !== undefined) return known ?? undefined;
  let document: DocumentNode | undefined;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    document = undefined;
  }
  return remember(selections, query, document ? selectionOfPlainEntityFetch(document) : null) ?? undefined;
}

function selectionOfPlainEntityFetch(document: DocumentNode): string | null {
  if (document.definitions.length !== 1) return null;
  const [operation] = document.definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query' || operation.directives?.length) return null;
  const variables = operation.variableDefinitions ?? [];
  if (variables.length !== 1 || variables[0].directives?.length || variables[0].defaultValue) return null;
  if (variables[0].variable.name.value !== 'representations' || print(variables[0].type) !== '[_Any!]!') return null;
  const roots = operation.selectionSet.selections;
  if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) return null;
  const field: FieldNode = roots[0];
  if (field.name.value !== '_entities' || field.alias || field.directives?.length || !field.selectionSet) return null;
  const args = field.arguments ?? [];
  if (args.length !== 1 || args[0].name.value !== 'representations') return null;
  if (args[0].value.kind !== Kind.VARIABLE || args[0].value.name.value !== 'representations') return null;
  return stripIgnoredCharacters(print(field.selectionSet));
}

/** The operation asking for each text's entities under its own alias (every text of the plain shape, two or more). */
export function combinedEntityText(operationName: string | undefined, texts: readonly string[]): string {
  const key = `${operationName ?? ''}\n${texts.join('\n\n')}`;
  const known = combinedTexts.get(key);
  if (known) return known;
  const fields = texts.map((text, i) => {
    const selection = entitySelection(text);
    if (selection === undefined) throw new Error('only plain entity fetches combine');
    return `${aliasOf(i)}:_entities(representations:$${variableOf(i)})${selection}`;
  });
  const variables = texts.map((_, i) => `$${variableOf(i)}:[_Any!]!`).join(',');
  return remember(combinedTexts, key, `query${operationName ? ` ${operationName}` : ''}(${variables}){${fields.join(' ')}}`);
}

/** The combined operation's variables: each text's representations under its own name. */
export function combinedEntityVariables(representations: readonly unknown[][]): Record<string, unknown[]> {
  return Object.fromEntries(representations.map((list, i) => [variableOf(i), list]));
}

/**
 * A combined answer as one answer per text, each as the department would have answered that
 * text alone: its alias's entities as `_entities`, the errors under its alias with their path
 * from `_entities`; an error under no alias (the whole request's) goes to every text.
 */
export function splitCombinedAnswer(body: EntityAnswerBody, texts: number): EntityAnswerBody[] {
  const data = body.data as Record<string, unknown> | null | undefined;
  return Array.from({ length: texts }, (_, i) => {
    const alias = aliasOf(i);
    const part: EntityAnswerBody = { ...body };
    if (data !== undefined) part.data = data === null ? null : { _entities: data[alias] ?? null };
    if (body.errors) {
      part.errors = body.errors
        .filter((error) => error.path?.[0] === alias || !isAliasPath(error.path, texts))
        .map((error) => (error.path?.[0] === alias ? { ...error, path: ['_entities', ...error.path!.slice(1)] } : structuredClone(error)));
    }
    if (body.extensions) part.extensions = structuredClone(body.extensions);
    return part;
  });
}

function isAliasPath(path: ReadonlyArray<string | number> | undefined, texts: number): boolean {
  const head = path?.[0];
  return typeof head === 'string' && /^e\d+$/.test(head) && Number(head.slice(1)) < texts;
}
