import { ArgsType, Field, Int, ObjectType, Directive, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '@rg/api-errors';
import type { EntityRows } from './entity-rows';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Items per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string;
}

@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** A number, or the promise of one when it is counted on demand. */
  totalCount: number;
}

/** A connection type `<Name>Connection` with `<Name>Edge`, for a node class. */
export function Connection<T extends object>(node: ClassType<T>, name: string = node.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}ConnectionBase`)
  class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}

export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^id:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badUserInput('after', 'is not a cursor of this list');
  return Number(match[1]);
}

export function pageSize(first: number | undefined | null): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/**
 * Keyset pagination on the primary key: one statement for the page, whatever its size or
 * depth, served by indexes. `totalCount` costs a statement only when the client asks for it
 * (GraphQL awaits the promise the getter returns), and `count` may answer it from a summary
 * kept with the writes instead of counting the rows.
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  count: () => Promise<number> = () => query.clone().getCount(),
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const alias = query.alias;
  const page = query.clone().orderBy(`${alias}.id`, 'ASC').take(size + 1);
  if (args.after) page.andWhere(`${alias}.id > :afterId`, { afterId: decodeCursor(args.after) });
  return pageOf(await page.getMany(), size, count);
}

/** Conditions on an entity's rows, ANDed, with their positional parameters ($1…). */
export interface RowFilter {
  conditions: string[];
  parameters: unknown[];
}

/**
 * A RowFilter built condition by condition: each `?` of a condition becomes the next
 * positional parameter, bound to the value given for it, so a list's optional filters can be
 * added in any combination without counting parameters by hand.
 */
export function rowFilter(): RowFilter & { where(condition: string, ...values: unknown[]): void } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  return {
    conditions,
    parameters,
    where(condition, ...values) {
      let text = condition;
      for (const value of values) {
        parameters.push(value);
        text = text.replace('?', `$${parameters.length}`);
      }
      conditions.push(text);
    },
  };
}

/**
 * `paginate` on entity rows in plain SQL (entity-rows.ts), for a list whose every page is
 * read often: the same keyset page, without TypeORM's query building and hydration.
 */
export async function paginateRows<T extends { id: number }>(
  rows: EntityRows<T>,
  filter: RowFilter,
  args: PageArgs,
  count?: () => Promise<number>,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const whereOf = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
  const counting = count ?? (() => rows.count(whereOf(filter.conditions), filter.parameters));
  const conditions = [...filter.conditions];
  const parameters = [...filter.parameters];
  if (args.after) {
    parameters.push(decodeCursor(args.after));
    conditions.push(`id > $${parameters.length}`);
  }
  parameters.push(size + 1);
  // Planned for its values: which index serves a page depends on the filter's values and the LIMIT.
  const page = await rows.select(`${whereOf(conditions)} ORDER BY id ASC LIMIT $${parameters.length}`, parameters, { prepared: false });
  return pageOf(page, size, counting);
}

function pageOf<T extends { id: number }>(rows: T[], size: number, count: () => Promise<number>): Page<T> {
  const nodes = rows.slice(0, size);
  let counted: Promise<number> | undefined;
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null,
    },
    get totalCount() {
      return (counted ??= count()) as unknown as number;
    },
  };
}
