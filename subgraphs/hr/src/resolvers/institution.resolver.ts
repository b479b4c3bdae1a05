import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { paginate, PageArgs } from '@rg/data-helpers';
import { checkScorecardArgs, countyCodesFor, yearRange } from '@rg/region-scorecard';
import { ratio } from '@rg/scorecard';
import {
  Enrolment, InstitutionDebarment, InstitutionDesignation, InstitutionEvaluation, TrainingInstitution, TrainingSubsidy,
} from '../entities';
import { institutionYears, type InstitutionYear } from '../figures/institution-league';
import type { HrContext } from './context';
import {
  InstitutionLeagueRow, LeagueOrder, TrainingInstitutionConnection, TrainingInstitutionFilter,
} from './institution-types';

const MEASURE: Record<LeagueOrder, (row: InstitutionYear) => number | null> = {
  [LeagueOrder.PASS_RATE]: (r) => ratio(r.passes, r.completions),
  [LeagueOrder.VENTURE_RATE]: (r) => ratio(r.venturesWithin6m, r.completions),
  [LeagueOrder.SATISFACTION]: (r) => r.satisfaction,
};

/** Best first on the measure (no satisfaction given ranks last), then more completions, then id. */
function rank(rows: InstitutionYear[], by: LeagueOrder): InstitutionYear[] {
  const measure = MEASURE[by];
  return [...rows].sort((a, b) =>
    (measure(b) ?? -1) - (measure(a) ?? -1) || b.completions - a.completions || a.institutionId - b.institutionId);
}

@Resolver(() => TrainingInstitution)
export class TrainingInstitutionResolver {
  @Query(() => TrainingInstitutionConnection, { description: 'Training institutions (定点机构), designated or not, barred or not' })
  trainingInstitutions(
    @Arg('filter', () => TrainingInstitutionFilter, { nullable: true }) filter: TrainingInstitutionFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: HrContext,
  ): Promise<TrainingInstitutionConnection> {
    const query = ctx.dataSource.getRepository(TrainingInstitution).createQueryBuilder('i');
    if (filter?.regionCode) query.andWhere('i.region_code = ANY(:counties)', { counties: countyCodesFor(filter.regionCode) });
    if (filter?.ownership) query.andWhere('i.ownership = :ownership', { ownership: filter.ownership });
    const barred = 'EXISTS (SELECT 1 FROM institution_debarment b WHERE b.institution_id = i.id)';
    if (filter?.debarred === true) query.andWhere(barred);
    if (filter?.debarred === false) query.andWhere(`NOT ${barred}`);
    if (filter?.designatedInYear) {
      const [from, to] = yearRange(filter.designatedInYear);
      query.andWhere(`EXISTS (SELECT 1 FROM institution_designation d WHERE d.institution_id = i.id
        AND d.designated_from < :dTo AND (d.designated_to IS NULL OR d.designated_to >= :dFrom))`, { dFrom: from, dTo: to });
    }
    return paginate(query, page);
  }

  @Authorized()
  @Query(() => [InstitutionLeagueRow], {
    description: "A region's institutions with completions in the year, ranked by pass rate, business starts within six months, or satisfaction",
  })
  async institutionLeagueTable(
    @Arg('regionCode') regionCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('rankBy', () => LeagueOrder, { defaultValue: LeagueOrder.PASS_RATE }) rankBy: LeagueOrder,
    @Ctx() ctx: HrContext,
  ): Promise<InstitutionLeagueRow[]> {
    checkScorecardArgs(regionCode, year);
    const ranked = rank(await institutionYears(ctx.dataSource, regionCode, year), rankBy);
    const institutions = await ctx.loaders.institutionById.loadMany(ranked.map((r) => r.institutionId));
    return ranked.map((r, i) => ({
      rank: i + 1,
      institution: institutions[i] as TrainingInstitution,
      completions: r.completions,
      passes: r.passes,
      passRate: ratio(r.passes, r.completions),
      venturesWithin6m: r.venturesWithin6m,
      ventureRate: ratio(r.venturesWithin6m, r.completions),
      satisfaction: r.satisfaction,
      debarred: r.debarred,
    }));
  }

  @FieldResolver(() => [InstitutionDesignation], { description: 'Designation periods, oldest first' })
  designations(@Root() institution: TrainingInstitution, @Ctx() ctx: HrContext): Promise<InstitutionDesignation[]> {
    return ctx.loaders.designationsByInstitution.load(institution.id);
  }

  @FieldResolver(() => [InstitutionEvaluation], { description: "The reviewing body's evaluations, one per year" })
  evaluations(@Root() institution: TrainingInstitution, @Ctx() ctx: HrContext): Promise<InstitutionEvaluation[]> {
    return ctx.loaders.evaluationsByInstitution.load(institution.id);
  }

  @FieldResolver(() => [InstitutionDebarment])
  debarments(@Root() institution: TrainingInstitution, @Ctx() ctx: HrContext): Promise<InstitutionDebarment[]> {
    return ctx.loaders.debarmentsByInstitution.load(institution.id);
  }

  @FieldResolver(() => Boolean, { description: 'Barred from the programme' })
  async debarred(@Root() institution: TrainingInstitution, @Ctx() ctx: HrContext): Promise<boolean> {
    return (await ctx.loaders.debarmentsByInstitution.load(institution.id)).length > 0;
  }
}

@Resolver(() => Enrolment)
export class EnrolmentSubsidyResolver {
  @Authorized(ownerOnly('hr'))
  @FieldResolver(() => [TrainingSubsidy], { nullable: true, description: 'Training subsidies paid for this enrolment: hr staff and admins' })
  subsidies(@Root() enrolment: Enrolment, @Ctx() ctx: HrContext): Promise<TrainingSubsidy[]> {
    return ctx.loaders.subsidiesByEnrolment.load(enrolment.id);
  }
}
