import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { findingCount, Indicator, registryAnswer } from '@rg/region-scorecard';
import { Loan, Trainee, TrainingSubsidy } from '../entities';
import { eligibilityFindings, type FindingKind, type FindingRow } from '../figures/eligibility';
import type { HrContext } from './context';
import { Scorecard } from './scorecard.resolver';

export enum EligibilityFindingKind {
  DECLARED_POOR_NOT_IN_REGISTRY = 'DECLARED_POOR_NOT_IN_REGISTRY',
  REGISTRY_POOR_OTHER_CATEGORY = 'REGISTRY_POOR_OTHER_CATEGORY',
  DOUBLE_TRAINING_SUBSIDY = 'DOUBLE_TRAINING_SUBSIDY',
  LOAN_ABOVE_CAP = 'LOAN_ABOVE_CAP',
  LOAN_WITHOUT_VENTURE = 'LOAN_WITHOUT_VENTURE',
}
registerEnumType(EligibilityFindingKind, {
  name: 'EligibilityFindingKind',
  description: 'DECLARED_POOR_NOT_IN_REGISTRY: trained as registered poor, not in the registry; REGISTRY_POOR_OTHER_CATEGORY: in the registry, '
    + 'trained under another category; DOUBLE_TRAINING_SUBSIDY: a second subsidy of one kind for one person and course level; '
    + 'LOAN_ABOVE_CAP: a loan that took its borrower past the per-person cap; LOAN_WITHOUT_VENTURE: a loan to someone with no business',
});

/**
 * A record an auditor should look at, with hr's record ids. For registry findings poverty
 * adds its household and member ids (it resolves this entity by the person key, which never
 * reaches a client).
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class EligibilityFinding {
  @Field(() => ID, { description: 'kind:traineeId[:loanId|subsidyId]' })
  id: string;

  @Field(() => EligibilityFindingKind)
  kind: FindingKind;

  @Field(() => ID, { description: "hr's trainee id" })
  traineeId: number;

  @Field(() => ID, { nullable: true, description: "hr's loan id (loan findings)" })
  loanId: number | null;

  @Field(() => ID, { nullable: true, description: "hr's training subsidy id (subsidy findings)" })
  subsidyId: number | null;

  @Field()
  @Directive('@inaccessible')
  personKey: string;
}

function toFinding(row: FindingRow): EligibilityFinding {
  const record = row.loanId ?? row.subsidyId;
  return { ...row, id: [row.kind, row.traineeId, ...(record === null ? [] : [record])].join(':') };
}

/** Poverty's answer decoded: null when it refused the set (or was not asked, as on a direct query). */
function registryPoorOf(card: Scorecard): bigint[] | null {
  return registryAnswer(card.registryPoorTraineeKeySet, 'registryPoorTraineeKeySet');
}

async function findings(ctx: HrContext, card: Scorecard): Promise<{ rows: EligibilityFinding[]; registryChecked: boolean }> {
  const registryPoor = registryPoorOf(card);
  const rows = await eligibilityFindings(ctx.dataSource, card.regionCode, card.year, registryPoor);
  return { rows: rows.map(toFinding), registryChecked: registryPoor !== null };
}

/** Eligibility cross-checks (auditors: hr staff and admins). */
@Resolver(() => Scorecard)
export class EligibilityScorecardResolver {
  @Authorized(ownerOnly('hr'))
  @FieldResolver(() => [EligibilityFinding], {
    nullable: true,
    description: "The year's eligibility findings in the region: hr staff and admins. Registry findings are left out when poverty refused the cohort's key set",
  })
  @Directive('@requires(fields: "registryPoorTraineeKeySet")')
  async eligibilityFindings(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<EligibilityFinding[]> {
    return (await findings(ctx, card)).rows;
  }

  @Authorized(ownerOnly('hr'))
  @FieldResolver(() => Indicator, { nullable: true, description: "How many eligibility findings the region's year has: hr staff and admins" })
  @Directive('@requires(fields: "registryPoorTraineeKeySet")')
  async eligibilityFindingCount(@Root() card: Scorecard, @Ctx() ctx: HrContext): Promise<Indicator> {
    const { rows, registryChecked } = await findings(ctx, card);
    return findingCount(rows.length, registryChecked);
  }
}

@Resolver(() => EligibilityFinding)
export class EligibilityFindingResolver {
  @Authorized(ownerOnly('hr'))
  @FieldResolver(() => Trainee, { nullable: true })
  trainee(@Root() finding: EligibilityFinding, @Ctx() ctx: HrContext): Promise<Trainee | null> {
    return ctx.loaders.traineeById.load(Number(finding.traineeId));
  }

  @Authorized(ownerOnly('hr'))
  @FieldResolver(() => Loan, { nullable: true })
  async loan(@Root() finding: EligibilityFinding, @Ctx() ctx: HrContext): Promise<Loan | null> {
    if (finding.loanId === null) return null;
    const loans = await ctx.loaders.loansByBorrower.load(Number(finding.traineeId));
    return loans.find((l) => l.id === Number(finding.loanId)) ?? null;
  }

  @Authorized(ownerOnly('hr'))
  @FieldResolver(() => TrainingSubsidy, { nullable: true })
  async subsidy(@Root() finding: EligibilityFinding, @Ctx() ctx: HrContext): Promise<TrainingSubsidy | null> {
    if (finding.subsidyId === null) return null;
    return ctx.dataSource.getRepository(TrainingSubsidy).findOneBy({ id: Number(finding.subsidyId) });
  }
}
