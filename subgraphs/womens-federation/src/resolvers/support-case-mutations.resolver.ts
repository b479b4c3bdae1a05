import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { IsOptional } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { parseCitizenId, personKeyOf, personKeyPrefix } from '@rg/person-key';
import { findRegion } from '@rg/regions';
import { badUserInput, parseId } from '@rg/api-errors';
import { IsCitizenId, IsPastDate, IsText } from '@rg/input-validation';
import { ownerOnly } from '@rg/access';
import { todayInBeijing } from '@rg/beijing-date';
import { SupportOutcome, SupportType, WomenSupportCase } from '../entities';
import type { WomensFederationContext } from './context';

@InputType({ description: "Region and person key are derived from the citizen ID, which must be a woman's" })
export class OpenSupportCaseInput {
  @Field()
  @IsCitizenId()
  citizenId: string;

  @Field()
  @IsText(50)
  name: string;

  @Field(() => SupportType)
  supportType: SupportType;

  @Field({ nullable: true, description: 'Defaults to today' })
  @IsOptional()
  @IsPastDate()
  openedOn?: string;

  @Field({ defaultValue: false, description: 'A registered poor woman: priority for every support policy (000 §3.1)' })
  poorPriority: boolean;
}

@InputType()
export class CloseSupportCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field({ description: 'Not before the case opened' })
  @IsPastDate()
  closedOn: string;

  @Field(() => SupportOutcome, { description: 'How it ended: anything but ONGOING' })
  outcome: SupportOutcome;
}

@Resolver()
export class SupportCaseMutationResolver {
  @Authorized(ownerOnly('womens-federation'))
  @Mutation(() => WomenSupportCase, { description: 'Opens a support case for a woman entrepreneur' })
  async openSupportCase(
    @Arg('input') input: OpenSupportCaseInput,
    @Ctx() ctx: WomensFederationContext,
  ): Promise<WomenSupportCase> {
    return ctx.transaction(async (tx) => {
      const opened = await openSupportCase(tx, input);
      await ctx.audit.write(tx, 'WomenSupportCase', [opened.id]);
      return opened;
    });
  }

  @Authorized(ownerOnly('womens-federation'))
  @Mutation(() => WomenSupportCase, { description: 'Closes an open support case with its outcome' })
  async closeSupportCase(
    @Arg('input') input: CloseSupportCaseInput,
    @Ctx() ctx: WomensFederationContext,
  ): Promise<WomenSupportCase> {
    const caseId = parseId('input.caseId', input.caseId);
    if (input.outcome === SupportOutcome.ONGOING) throw badUserInput('input.outcome', 'a closed case needs its outcome, not ONGOING');
    return ctx.transaction(async (tx) => {
      const repo = tx.getRepository(WomenSupportCase);
      // The lock makes two concurrent closings of one case see each other.
      const found = await repo.findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw badUserInput('input.caseId', 'no such case');
      if (found.closedOn !== null) throw badUserInput('input.caseId', `the case is already closed (${found.closedOn})`);
      if (input.closedOn < found.openedOn) {
        throw badUserInput('input.closedOn', `must not be before the case opened (${found.openedOn})`);
      }
      found.closedOn = input.closedOn;
      found.outcome = input.outcome;
      await repo.save(found);
      await ctx.audit.write(tx, 'WomenSupportCase', [found.id]);
      return found;
    });
  }
}

/**
 * The checks beyond the input's own rules, and the write, of openSupportCase: called by the
 * mutation and by the support-case import, so the two cannot drift. Auditing is the caller's.
 */
export async function openSupportCase(tx: EntityManager, input: OpenSupportCaseInput): Promise<WomenSupportCase> {
  const id = parseCitizenId(input.citizenId);
  const region = findRegion(id.regionCode);
  if (!region || region.level !== 'COUNTY') {
    throw badUserInput('input.citizenId', `region ${id.regionCode} is not a Jiangsu county`);
  }
  if (id.gender !== 'FEMALE') {
    throw badUserInput('input.citizenId', "is a man's ID (odd sequence digit); the federation's cases are for women");
  }
  const personKey = personKeyOf(id.value);
  const repo = tx.getRepository(WomenSupportCase);
  return repo.save(repo.create({
    citizenId: id.value,
    personKey,
    personKeyPrefix: personKeyPrefix(personKey).toString(),
    name: input.name.trim(),
    regionCode: id.regionCode,
    supportType: input.supportType,
    openedOn: input.openedOn ?? todayInBeijing(),
    closedOn: null,
    outcome: SupportOutcome.ONGOING,
    poorPriority: input.poorPriority,
  }));
}
