import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { findRegion } from '@rg/regions';
import { badUserInput } from '@rg/api-errors';
import type { AuditRecorder } from '@rg/audit';
import type { IndicatorName } from '@rg/scorecard';
import { PolicyTarget } from './policy-target.entity';
import { NOTICE_RULES } from './notice-targets';

/** What an admin sends to set a target; the unit follows from the indicator. */
export interface SetPolicyTargetFields {
  indicator: string;
  regionCode: string;
  year: number;
  value: number;
  source: string;
}

/** The input type, named for the department's mutation (`SetHrPolicyTargetInput`), as every mutation's input is. */
function policyTargetInputType(name: string) {
  @InputType(name, { description: 'A policy target to set (or replace) for one indicator, region and year' })
  class SetPolicyTargetInput implements SetPolicyTargetFields {
    @Field({ description: "One of the department's indicators" })
    indicator: string;

    @Field(() => ID, { description: 'GB/T 2260 code of Jiangsu, one of its cities or one of its counties' })
    regionCode: string;

    @Field(() => Int)
    year: number;

    @Field(() => Float, { description: 'At least 0; a share is at most 1' })
    value: number;

    @Field({ description: 'Where the figure comes from: the notice and section, or how it is derived (up to 500 characters)' })
    source: string;
  }
  return SetPolicyTargetInput;
}

interface TargetContext {
  dataSource: DataSource;
  audit: AuditRecorder;
  transaction: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>;
}

export interface PolicyTargetOptions {
  /** The department keeping the targets (the manifest's name). */
  department: string;
  /** The indicators it owns and keeps targets for (each has a rule in NOTICE_RULES, which gives its unit). */
  indicators: readonly IndicatorName[];
}

/** `hr` → `hr`, `youth-league` → `youthLeague`: the department's prefix of its query and mutation names. */
function camel(department: string): string {
  return department.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The input's checks beyond GraphQL's types; the unit follows from the indicator. */
export function checkTargetInput(input: SetPolicyTargetFields, options: PolicyTargetOptions): { unit: string; source: string } {
  const owned = options.indicators as readonly string[];
  const unit = owned.includes(input.indicator) ? NOTICE_RULES[input.indicator as IndicatorName]?.unit : undefined;
  if (!unit) throw badUserInput('input.indicator', `${options.department} keeps targets for ${owned.join(', ')}, not "${input.indicator}"`);
  if (!findRegion(input.regionCode)) throw badUserInput('input.regionCode', `${input.regionCode} is not a Jiangsu GB/T 2260 region code`);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badUserInput('input.year', 'must be a year between 2000 and 2100');
  if (!Number.isFinite(input.value) || input.value < 0) throw badUserInput('input.value', 'must be a number of at least 0');
  if (unit === 'share' && input.value > 1) throw badUserInput('input.value', 'is a share: at most 1');
  const source = input.source.trim();
  if (!source) throw badUserInput('input.source', 'must not be blank');
  if (source.length > 500) throw badUserInput('input.source', 'must be at most 500 characters');
  return { unit, source };
}

/**
 * The department's targets as a root query and an admin's mutation to set one. The names carry
 * the department (`hrPolicyTargets`, `setAgriculturePolicyTarget`): each department keeps the
 * targets of the indicators it owns, in its own database, so no one subgraph can answer for all.
 */
export function createPolicyTargetResolver(options: PolicyTargetOptions) {
  const prefix = camel(options.department);
  const setName = `set${prefix[0].toUpperCase()}${prefix.slice(1)}PolicyTarget`;
  const InputType = policyTargetInputType(`${setName[0].toUpperCase()}${setName.slice(1)}Input`);

  @Resolver()
  class PolicyTargetResolver {
    @Query(() => [PolicyTarget], {
      name: `${prefix}PolicyTargets`,
      description: `The policy targets ${options.department} keeps for its indicators (${options.indicators.join(', ')}), by region, year and indicator`,
    })
    async policyTargets(
      @Ctx() ctx: TargetContext,
      @Arg('regionCode', () => ID, { nullable: true }) regionCode?: string,
      @Arg('year', () => Int, { nullable: true }) year?: number,
      @Arg('indicator', () => String, { nullable: true }) indicator?: string,
    ): Promise<PolicyTarget[]> {
      if (regionCode != null && !findRegion(regionCode)) throw badUserInput('regionCode', `${regionCode} is not a Jiangsu GB/T 2260 region code`);
      if (indicator != null && !options.indicators.includes(indicator as IndicatorName)) {
        throw badUserInput('indicator', `${options.department} keeps targets for ${options.indicators.join(', ')}, not "${indicator}"`);
      }
      const where: Record<string, unknown> = {};
      if (regionCode != null) where.regionCode = regionCode;
      if (year != null) where.year = year;
      if (indicator != null) where.indicator = indicator;
      return ctx.dataSource.getRepository(PolicyTarget).find({ where, order: { indicator: 'ASC', regionCode: 'ASC', year: 'ASC' } });
    }

    @Authorized(['admin'])
    @Mutation(() => PolicyTarget, { name: setName, description: `Sets (or replaces) one of ${options.department}'s policy targets; admins only` })
    async setPolicyTarget(@Arg('input', () => InputType) input: SetPolicyTargetFields, @Ctx() ctx: TargetContext): Promise<PolicyTarget> {
      const { unit, source } = checkTargetInput(input, options);
      return ctx.transaction(async (tx) => {
        const [row]: Array<{ id: number }> = await tx.query(
          `INSERT INTO policy_target (indicator, region_code, year, value, unit, source, department)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT ON CONSTRAINT policy_target_key DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source
           RETURNING id`,
          [input.indicator, input.regionCode, input.year, input.value, unit, source, options.department],
        );
        await ctx.audit.write(tx, 'PolicyTarget', [row.id]);
        return tx.getRepository(PolicyTarget).findOneByOrFail({ id: row.id });
      });
    }
  }
  return PolicyTargetResolver;
}
