import { Arg, Authorized, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { IsOptional } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { parseCitizenId, personKeyOf, personKeyPrefix } from '@rg/person-key';
import { findRegion } from '@rg/regions';
import { badUserInput } from '@rg/api-errors';
import { IsCitizenId, IsMobilePhone, IsPastDate, IsText } from '@rg/input-validation';
import { ownerOnly } from '@rg/access';
import { todayInBeijing } from '@rg/beijing-date';
import { Trainee, TraineeCategory, TraineeStage } from '../entities';
import type { HrContext } from './context';

@InputType({ description: 'Gender, birth year and region are derived from the citizen ID' })
export class RegisterTraineeInput {
  @Field()
  @IsCitizenId()
  citizenId: string;

  @Field()
  @IsText(50)
  name: string;

  @Field(() => TraineeCategory)
  category: TraineeCategory;

  @Field(() => TraineeStage)
  stage: TraineeStage;

  @Field({ nullable: true })
  @IsOptional()
  @IsMobilePhone()
  phone?: string;

  @Field({ nullable: true, description: 'Defaults to today' })
  @IsOptional()
  @IsPastDate()
  registeredOn?: string;
}

@Resolver()
export class RegistrationResolver {
  @Authorized(ownerOnly('hr'))
  @Mutation(() => Trainee, { description: 'Registers a returnee for training (hr collects the citizen ID)' })
  async registerTrainee(@Arg('input') input: RegisterTraineeInput, @Ctx() ctx: HrContext): Promise<Trainee> {
    return ctx.transaction(async (tx) => {
      const trainee = await registerTrainee(tx, input);
      await ctx.audit.write(tx, 'Trainee', [trainee.id]);
      return trainee;
    });
  }
}

/**
 * The mutation's checks beyond the input's own rules, and its write: one function, called by
 * the resolver and by the trainee import, so the two cannot drift. Auditing is the caller's.
 */
export async function registerTrainee(tx: EntityManager, input: RegisterTraineeInput): Promise<Trainee> {
  const id = parseCitizenId(input.citizenId);
  const region = findRegion(id.regionCode);
  if (!region || region.level !== 'COUNTY') {
    throw badUserInput('input.citizenId', `region ${id.regionCode} is not a Jiangsu county`);
  }
  const repo = tx.getRepository(Trainee);
  if (await repo.existsBy({ citizenId: id.value })) {
    throw badUserInput('input.citizenId', 'a trainee with this citizen ID is already registered');
  }
  const personKey = personKeyOf(id.value);
  const trainee = repo.create({
    citizenId: id.value,
    personKey,
    personKeyPrefix: personKeyPrefix(personKey).toString(),
    name: input.name.trim(),
    phone: input.phone ?? null,
    gender: id.gender as Trainee['gender'],
    birthYear: id.birthYear,
    regionCode: id.regionCode,
    category: input.category,
    stage: input.stage,
    registeredOn: input.registeredOn ?? todayInBeijing(),
    firstCompletedOn: null,
  });
  // insert, not save: one INSERT … RETURNING without save's change detection (imports write 100,000s).
  await repo.insert(trainee);
  return trainee;
}
