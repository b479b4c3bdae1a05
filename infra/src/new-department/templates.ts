import type { DepartmentNames } from './names';

/**
 * The files of a new department in the standard shape, modelled on the smallest existing one:
 * one record type with a region, public reads, a per-region figure, migrations (its own and the
 * shared audit trail), loaders, a seed and a first test. The department then grows its domain.
 */
export function departmentFiles(n: DepartmentNames, migrationTimestamp: number): Record<string, string> {
  const record = `${n.pascal}Record`;
  const table = `${n.snake}_record`;
  const migration = `Create${n.pascal}Records${migrationTimestamp}`;
  return {
    'package.json': `${JSON.stringify({
      name: `@rg/${n.name}`,
      version: '0.1.0',
      private: true,
      main: 'dist/index.js',
      types: 'src/index.ts',
      scripts: {
        build: "swc src -d dist --strip-leading-paths --config-file ../../.swcrc --quiet --copy-files --ignore '**/*.test.ts'",
        typecheck: 'tsc -p .',
        lint: 'tsc -p . --noUnusedLocals --noUnusedParameters',
        test: `cd ../.. && jest subgraphs/${n.name}/`,
      },
      dependencies: {
        '@rg/subgraph-kit': '0.1.0', '@rg/audit': '0.1.0', '@rg/data-helpers': '0.1.0', '@rg/idempotency': '0.1.0',
        '@rg/region-scorecard': '0.1.0', '@rg/demo-province': '0.1.0', 'dataloader': '2.2.3', 'graphql': '^16.15.0',
        'graphql-scalars': '^1.25.0', 'reflect-metadata': '0.2.2', 'type-graphql': '2.0.0-rc.4', 'typeorm': '1.1.1',
      },
      devDependencies: { '@rg/dev-postgres': '0.1.0' },
    }, null, 2)}\n`,
    'tsconfig.json': '{ "extends": "../../tsconfig.json", "include": ["src"] }\n',

    'src/index.ts': `import 'reflect-metadata';
import { runWhenMain, type DepartmentSubgraph } from '@rg/subgraph-kit';
import type { World } from '@rg/demo-province';
import { entities } from './entities';
import { migrations } from './migrations';
import { createLoaders, type ${n.pascal}Loaders } from './loaders';
import { orphanedTypes, referenceResolvers, resolvers } from './resolvers';
import { seed } from './seed';

/** ${n.name}: its port and database are in the department manifest (@rg/departments). */
export const ${n.camel}Subgraph: DepartmentSubgraph<${n.pascal}Loaders, World> = {
  name: '${n.name}',
  entities,
  migrations,
  schema: { resolvers: [...resolvers], orphanedTypes, referenceResolvers },
  createLoaders,
  seed,
};

runWhenMain(module, ${n.camel}Subgraph);
`,

    'src/entities/index.ts': `import { ${record} } from './${n.name}-record.entity';

export { ${record} };
export const entities = [${record}];
`,
    [`src/entities/${n.name}-record.entity.ts`]: `import { Field, ID, ObjectType, Directive } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One of ${n.name}'s records: public, no personal data. */
@ObjectType()
@Directive('@key(fields: "id")')
@Entity('${table}')
// Named as the migration names them, so TypeORM sees the same table the migration builds.
@Check('${table}_title_check', \`(length(btrim(title)) > 0)\`)
@Check('${table}_region_code_check', \`(region_code ~ '^[0-9]{6}$'::text)\`)
@Index('${table}_region_idx', ['regionCode'])
export class ${record} {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field({ description: 'County-level GB/T 2260 code' })
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Field(() => LocalDateResolver)
  @Column({ name: 'recorded_on', type: 'date' })
  recordedOn: string;
}
`,

    'src/migrations/index.ts': `import { CreateAuditTrail1764100000000 } from '@rg/audit';
import { CreateIdempotencyKeys1764200000000 } from '@rg/idempotency';
import { ${migration} } from './${migrationTimestamp}-create-${n.name}-records';

export const migrations = [${migration}, CreateAuditTrail1764100000000, CreateIdempotencyKeys1764200000000];
`,
    [`src/migrations/${migrationTimestamp}-create-${n.name}-records.ts`]: `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ${n.name}'s first table. */
export class ${migration} implements MigrationInterface {
  name = '${migration}';

  async up(db: QueryRunner): Promise<void> {
    await db.query(\`
      CREATE TABLE ${table} (
        id serial PRIMARY KEY,
        title text NOT NULL CONSTRAINT ${table}_title_check CHECK (length(btrim(title)) > 0),
        region_code char(6) NOT NULL CONSTRAINT ${table}_region_code_check CHECK (region_code ~ '^[0-9]{6}$'),
        recorded_on date NOT NULL
      );
      CREATE INDEX ${table}_region_idx ON ${table} (region_code);
    \`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE ${table}');
  }
}
`,

    'src/figures/region-figures.ts': `import type { DataSource } from 'typeorm';
import { countiesUnderAll, rollUp } from '@rg/region-scorecard';

export interface ${n.pascal}RegionFigures extends Record<string, number> {
  recordCount: number;
}

const zero = (): ${n.pascal}RegionFigures => ({ recordCount: 0 });

/** ${n.name}'s figures for each region: one grouped statement for any number of regions. */
export async function regionFigures(db: DataSource, codes: readonly string[]): Promise<Map<string, ${n.pascal}RegionFigures>> {
  const rows: Array<${n.pascal}RegionFigures & { county: string }> = await db.query(
    \`WITH counties AS (SELECT unnest($1::text[]) AS county)
     SELECT c.county, (SELECT count(*)::int FROM ${table} r WHERE r.region_code = c.county) AS "recordCount"
     FROM counties c\`,
    [countiesUnderAll(codes)],
  );
  return rollUp(codes, new Map(rows.map((row) => [row.county.trim(), row])), zero);
}
`,

    'src/loaders.ts': `import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { loaderByKey, loaderOfValues } from '@rg/data-helpers';
import { ${record} } from './entities';
import { regionFigures, type ${n.pascal}RegionFigures } from './figures/region-figures';

export function createLoaders(db: DataSource) {
  return {
    recordById: loaderByKey((ids: readonly number[]) => db.getRepository(${record}).findBy({ id: In([...ids]) }), (r) => r.id),
    regionFigures: loaderOfValues<string, ${n.pascal}RegionFigures | null>((codes) => regionFigures(db, codes), null),
  };
}

export type ${n.pascal}Loaders = ReturnType<typeof createLoaders>;
`,

    'src/resolvers/context.ts': `import type { DepartmentContext } from '@rg/subgraph-kit';
import type { ${n.pascal}Loaders } from '../loaders';

export type ${n.pascal}Context = DepartmentContext<${n.pascal}Loaders>;
`,
    'src/resolvers/record.resolver.ts': `import { Arg, Args, Ctx, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Connection, paginate, PageArgs } from '@rg/data-helpers';
import { countyCodesFor } from '@rg/region-scorecard';
import { ${record} } from '../entities';
import type { ${n.pascal}Context } from './context';

@ObjectType()
export class ${record}Connection extends Connection(${record}) {}

@Resolver(() => ${record})
export class ${record}Resolver {
  // Nullable so that a query also asking other departments still gets their part when ${n.name} is down.
  @Query(() => ${record}Connection, { nullable: true, description: "${n.name}'s records, optionally in a region" })
  ${n.camel}Records(
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Args() page: PageArgs,
    @Ctx() ctx: ${n.pascal}Context,
  ): Promise<${record}Connection> {
    const query = ctx.dataSource.getRepository(${record}).createQueryBuilder('r');
    if (regionCode) query.andWhere('r.region_code = ANY(:counties)', { counties: countyCodesFor(regionCode) });
    return paginate(query, page);
  }

  @Query(() => ${record}, { nullable: true })
  async ${n.camel}Record(@Arg('id', () => ID) id: string, @Ctx() ctx: ${n.pascal}Context): Promise<${record} | null> {
    const key = Number(id);
    return Number.isInteger(key) ? ctx.loaders.recordById.load(key) : null;
  }
}
`,
    'src/resolvers/region.resolver.ts': `import { Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RegionBase } from '@rg/region-scorecard';
import type { ${n.pascal}Context } from './context';

@ObjectType({ description: 'A GB/T 2260 region; each department adds its own figures' })
@Directive('@key(fields: "code")')
export class Region extends RegionBase {}

@Resolver(() => Region)
export class ${n.pascal}RegionResolver {
  @FieldResolver(() => Int, { nullable: true, description: "${n.name}: records in the region" })
  async ${n.camel}RecordCount(@Root() region: Region, @Ctx() ctx: ${n.pascal}Context): Promise<number> {
    return (await ctx.loaders.regionFigures.load(region.code))?.recordCount ?? 0;
  }
}
`,
    'src/resolvers/scorecard.resolver.ts': `import { Directive, ObjectType } from 'type-graphql';
import { MonthlyStatisticBase, ScorecardBase } from '@rg/region-scorecard';

/** ${n.name} answers scorecard(regionCode, year) like every department; it adds indicators here when it has some. */
@ObjectType({ description: "A region's year against the policy's targets; each department contributes its indicators" })
@Directive('@key(fields: "regionCode year")')
export class Scorecard extends ScorecardBase {}

/** Likewise monthlyStatistics(regionCode, year): its monthly figures go here when it has some. */
@ObjectType({ description: "One month of a region's year; each department contributes the figures its records carry" })
@Directive('@key(fields: "regionCode year month")')
export class MonthlyStatistic extends MonthlyStatisticBase {}
`,
    'src/resolvers/references.ts': `import { sharedReferenceResolvers } from '@rg/region-scorecard';
import type { ${n.pascal}Context } from './context';

/** How the gateway's entity references become ${n.name} objects. */
export const referenceResolvers = {
  ...sharedReferenceResolvers,
  ${record}: {
    __resolveReference(ref: { id: string }, ctx: ${n.pascal}Context) {
      const id = Number(ref.id);
      return Number.isInteger(id) ? ctx.loaders.recordById.load(id) : null;
    },
  },
};
`,
    'src/resolvers/index.ts': `import { createSharedRootResolver } from '@rg/region-scorecard';
import { ${record}Resolver } from './record.resolver';
import { Region, ${n.pascal}RegionResolver } from './region.resolver';
import { MonthlyStatistic, Scorecard } from './scorecard.resolver';

export { referenceResolvers } from './references';

export const resolvers = [createSharedRootResolver(Region, Scorecard, MonthlyStatistic), ${record}Resolver, ${n.pascal}RegionResolver] as const;

export const orphanedTypes = [Region, Scorecard, MonthlyStatistic];
`,

    'src/seed.ts': `import type { DataSource } from 'typeorm';
import type { World } from '@rg/demo-province';

/**
 * Loads ${n.name}'s part of the generated demo province. The demo generator has no part for
 * ${n.name} yet (packages/demo-province); until it has, the department starts empty.
 */
export async function seed(_db: DataSource, _world: World): Promise<void> {}
`,

    [`src/${n.name}.test.ts`]: `import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { ${n.camel}Subgraph } from './index';

/** ${n.name} on a fresh database of the test server: its records and its region figure. */
let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await startSubgraphHarness(${n.camel}Subgraph);
  await harness.subgraph.dataSource.query(
    \`INSERT INTO ${table} (title, region_code, recorded_on) VALUES ('first', '320321', '2019-05-01'), ('second', '320506', '2020-01-02')\`);
});
afterAll(() => harness?.stop());

describe('${n.name}', () => {
  it('lists its records, filtered by region', async () => {
    const all = await harness.query('{ ${n.camel}Records(first: 10) { totalCount edges { node { title regionCode } } } }');
    expect(all.errors).toBeUndefined();
    expect(all.data.${n.camel}Records.totalCount).toBe(2);
    const xuzhou = await harness.query('{ ${n.camel}Records(regionCode: "320300", first: 10) { edges { node { title } } } }');
    expect(xuzhou.data.${n.camel}Records.edges).toEqual([{ node: { title: 'first' } }]);
  });

  it('adds its figure to a region, rolled up from the counties', async () => {
    const { data, errors } = await harness.query('{ region(code: "320000") { ${n.camel}RecordCount } }');
    expect(errors).toBeUndefined();
    expect(data.region.${n.camel}RecordCount).toBe(2);
  });
});
`,
  };
}
