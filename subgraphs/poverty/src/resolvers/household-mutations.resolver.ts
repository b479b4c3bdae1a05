import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { parseCitizenId, personKeyOf, personKeyPrefix, type CitizenId } from '@rg/person-key';
import { findRegion } from '@rg/regions';
import { badUserInput, parseId } from '@rg/api-errors';
import { ownerOnly } from '@rg/access';
import { HouseholdMember, HouseholdRelation, PoorHousehold } from '../entities';
import type { PovertyContext } from './context';
import { AddMemberInput, RecordExitInput, RegisterHouseholdInput } from './household-inputs';
import { isUniqueViolation } from '@rg/data-helpers';

/** A member row from a validated citizen ID; the key is derived here, where the ID was collected. */
function memberOf(householdId: number, id: CitizenId, name: string, relation: HouseholdRelation): Partial<HouseholdMember> {
  const personKey = personKeyOf(id.value);
  return {
    householdId, citizenId: id.value, personKey, personKeyPrefix: personKeyPrefix(personKey).toString(),
    name: name.trim(), gender: id.gender as HouseholdMember['gender'], birthYear: id.birthYear, relation,
  };
}

/** The next "<county>-<year>-NNNNNN" number; the advisory lock serialises numbering per county and year. */
async function nextHouseholdNo(tx: EntityManager, regionCode: string, year: number): Promise<string> {
  const prefix = `${regionCode}-${year}-`;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [prefix]);
  const [{ last }] = await tx.query(
    `SELECT coalesce(max(substring(household_no FROM 13)::int), 0) AS last FROM poor_household
     WHERE region_code = $1 AND registered_year = $2 AND household_no ~ $3`,
    [regionCode, year, `^${prefix}\\d{6,9}$`],
  );
  return `${prefix}${String(Number(last) + 1).padStart(6, '0')}`;
}

/** Saves, turning a unique index's refusal (a concurrent writer got there first) into the caller's error. */
async function saveUnique<T>(save: () => Promise<T>, citizenIdField: string): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error, 'household_member_citizen_id_key') || isUniqueViolation(error, 'household_member_person_key_key')) {
      throw badUserInput(citizenIdField, 'is already registered in a household');
    }
    if (isUniqueViolation(error, 'poor_household_household_no_key')) throw badUserInput('input.householdNo', 'is already registered');
    throw error;
  }
}

@Resolver()
export class HouseholdMutationResolver {
  @Authorized(ownerOnly('poverty'))
  @Mutation(() => PoorHousehold, { description: 'Registers a poor household (建档立卡) with its head' })
  async registerHousehold(@Arg('input') input: RegisterHouseholdInput, @Ctx() ctx: PovertyContext): Promise<PoorHousehold> {
    return ctx.transaction(async (tx) => {
      const household = await registerHousehold(tx, input);
      await ctx.audit.write(tx, 'PoorHousehold', [household.id]);
      await ctx.audit.write(tx, 'HouseholdMember', [household.headMemberId]);
      return household;
    });
  }

  @Authorized(ownerOnly('poverty'))
  @Mutation(() => HouseholdMember, { description: "Adds a member to a registered household; the household's size grows by one" })
  async addMember(@Arg('input') input: AddMemberInput, @Ctx() ctx: PovertyContext): Promise<HouseholdMember> {
    return ctx.transaction(async (tx) => {
      const member = await addMember(tx, input);
      await ctx.audit.write(tx, 'HouseholdMember', [member.id]);
      return member;
    });
  }

  @Authorized(ownerOnly('poverty'))
  @Mutation(() => PoorHousehold, { description: 'Records that a household has left poverty (脱贫)' })
  async recordExit(@Arg('input') input: RecordExitInput, @Ctx() ctx: PovertyContext): Promise<PoorHousehold> {
    const householdId = parseId('input.householdId', input.householdId);
    return ctx.transaction(async (tx) => {
      const repo = tx.getRepository(PoorHousehold);
      const household = await repo.findOne({ where: { id: householdId }, lock: { mode: 'pessimistic_write' } });
      if (!household) throw badUserInput('input.householdId', 'no such household');
      if (household.exitedYear !== null) throw badUserInput('input.householdId', `has already exited (in ${household.exitedYear})`);
      if (input.exitedYear < household.registeredYear) {
        throw badUserInput('input.exitedYear', `must not be before the household registered (${household.registeredYear})`);
      }
      household.exitedYear = input.exitedYear;
      household.perCapitaIncomeYuan = input.perCapitaIncomeYuan;
      await repo.save(household);
      await ctx.audit.write(tx, 'PoorHousehold', [household.id]);
      return household;
    });
  }
}

/**
 * The checks beyond the input's own rules, and the writes, of registerHousehold (the household
 * and its head): called by the mutation and by the household import. Auditing is the caller's.
 */
export async function registerHousehold(tx: EntityManager, input: RegisterHouseholdInput): Promise<PoorHousehold & { headMemberId: number }> {
  const region = findRegion(input.regionCode);
  if (!region || region.level !== 'COUNTY') {
    throw badUserInput('input.regionCode', `${input.regionCode} is not a Jiangsu county code`);
  }
  const head = parseCitizenId(input.head.citizenId);
  const households = tx.getRepository(PoorHousehold);
  const members = tx.getRepository(HouseholdMember);
  if (await members.existsBy({ citizenId: head.value })) {
    throw badUserInput('input.head.citizenId', 'is already registered in a household');
  }
  const householdNo = input.householdNo?.trim() ?? (await nextHouseholdNo(tx, input.regionCode, input.registeredYear));
  if (await households.existsBy({ householdNo })) throw badUserInput('input.householdNo', 'is already registered');
  return saveUnique(async () => {
    const household = await households.save(households.create({
      householdNo, regionCode: input.regionCode, size: 1, cause: input.cause, registeredYear: input.registeredYear,
      exitedYear: null, perCapitaIncomeYuan: input.perCapitaIncomeYuan,
    }));
    const member = await members.save(members.create(memberOf(household.id, head, input.head.name, HouseholdRelation.HEAD)));
    return Object.assign(household, { headMemberId: member.id });
  }, 'input.head.citizenId');
}

/** addMember's checks and writes (the member, the household's size), shared with the member import. */
export async function addMember(tx: EntityManager, input: AddMemberInput): Promise<HouseholdMember> {
  const householdId = parseId('input.householdId', input.householdId);
  if (input.relation === HouseholdRelation.HEAD) {
    throw badUserInput('input.relation', 'a household has one head, registered with the household');
  }
  const id = parseCitizenId(input.citizenId);
  // Locking the household serialises its size updates.
  const household = await tx.getRepository(PoorHousehold).findOne({ where: { id: householdId }, lock: { mode: 'pessimistic_write' } });
  if (!household) throw badUserInput('input.householdId', 'no such household');
  const members = tx.getRepository(HouseholdMember);
  if (await members.existsBy({ citizenId: id.value })) throw badUserInput('input.citizenId', 'is already registered in a household');
  const member = await saveUnique(() => members.save(members.create(memberOf(householdId, id, input.name, input.relation))), 'input.citizenId');
  await tx.query('UPDATE poor_household SET size = size + 1 WHERE id = $1', [householdId]);
  return member;
}
