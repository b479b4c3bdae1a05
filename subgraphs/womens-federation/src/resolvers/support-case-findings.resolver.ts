import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { ownerOnly } from '@rg/access';
import { encodeKeySet, findingCount, Indicator, registryAnswer, scorecardKey } from '@rg/region-scorecard';
import { WomenSupportCase } from '../entities';
import { findingsKey, type SupportCaseFindingKind as Kind, type SupportCaseFindingRow } from '../figures/support-case-checks';
import type { WomensFederationContext } from './context';
import { Scorecard } from './scorecard.resolver';

export enum SupportCaseFindingKind {
  PRIORITY_NOT_IN_REGISTRY = 'PRIORITY_NOT_IN_REGISTRY',
  REGISTRY_POOR_NOT_PRIORITISED = 'REGISTRY_POOR_NOT_PRIORITISED',
}
registerEnumType(SupportCaseFindingKind, {
  name: 'SupportCaseFindingKind',
  description: 'PRIORITY_NOT_IN_REGISTRY: marked poorPriority, the woman not in the registry the year the case opened; '
    + 'REGISTRY_POOR_NOT_PRIORITISED: in the registry that year, the case not marked poorPriority',
});

/** Who audits the federation's cases: those who may see the cases' personal data. */
const AUDITORS = ownerOnly('womens-federation');

/**
 * A support case whose staff-typed poorPriority the registry contradicts, with the federation's
 * case id; poverty adds its member and household ids by the person key, which never reaches
 * a client.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class SupportCaseFinding {
  @Field(() => ID, { description: 'kind:caseId' })
  id: string;

  @Field(() => SupportCaseFindingKind)
  kind: Kind;

  @Field(() => ID, { description: "womens-federation's support case id" })
  caseId: number;

  @Field()
  @Directive('@inaccessible')
  personKey: string;
}

const toFinding = (row: SupportCaseFindingRow): SupportCaseFinding => ({ ...row, id: `${row.kind}:${row.caseId}` });

/** null when poverty refused the set of the year's women or the caller is no auditor: the registry was not asked. */
async function findings(card: Scorecard, ctx: WomensFederationContext): Promise<SupportCaseFinding[] | null> {
  const registryPoor = registryAnswer(card.registryPoorSupportKeySet, 'registryPoorSupportKeySet');
  if (registryPoor === null) return null;
  const rows = await ctx.loaders.supportCaseFindings.load(findingsKey(card.regionCode, card.year, encodeKeySet(registryPoor)));
  return rows.map(toFinding);
}

/**
 * Eligibility cross-checks of the priority of poor women (000 §3.1): the federation hands
 * poverty the women of the year's cases as a key set, poverty answers which were in the
 * registry that year (only for these auditors), and the federation lists the cases whose
 * poorPriority disagrees. Batched: every card of a request in one statement per department.
 */
@Resolver(() => Scorecard)
export class SupportCaseFindingsScorecardResolver {
  /** The year's women with a support case, as person-key prefixes; for poverty's matching, not for clients. */
  @FieldResolver(() => String)
  @Directive('@inaccessible')
  supportCaseKeySet(@Root() card: Scorecard, @Ctx() ctx: WomensFederationContext): Promise<string> {
    return ctx.loaders.supportCaseKeySets.load(scorecardKey(card.regionCode, card.year));
  }

  @Authorized(AUDITORS)
  @FieldResolver(() => [SupportCaseFinding], {
    nullable: true,
    description: "The year's support cases whose poorPriority the poverty registry contradicts: womens-federation staff and admins. "
      + 'Empty-handed (null) when poverty refused the set of the year\'s women (too few to ask about)',
  })
  @Directive('@requires(fields: "registryPoorSupportKeySet")')
  async supportCaseFindings(@Root() card: Scorecard, @Ctx() ctx: WomensFederationContext): Promise<SupportCaseFinding[] | null> {
    return findings(card, ctx);
  }

  @Authorized(AUDITORS)
  @FieldResolver(() => Indicator, { nullable: true, description: 'How many support-case findings the region\'s year has: womens-federation staff and admins' })
  @Directive('@requires(fields: "registryPoorSupportKeySet")')
  async supportCaseFindingCount(@Root() card: Scorecard, @Ctx() ctx: WomensFederationContext): Promise<Indicator> {
    const rows = await findings(card, ctx);
    return findingCount(rows?.length ?? 0, rows !== null);
  }
}

@Resolver(() => SupportCaseFinding)
export class SupportCaseFindingResolver {
  @Authorized(AUDITORS)
  @FieldResolver(() => WomenSupportCase, { nullable: true })
  supportCase(@Root() finding: SupportCaseFinding, @Ctx() ctx: WomensFederationContext): Promise<WomenSupportCase | null> {
    return ctx.loaders.caseById.load(Number(finding.caseId));
  }
}
