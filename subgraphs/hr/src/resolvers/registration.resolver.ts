import { Arg, Authorized, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { parseCitizenId, personKeyOf, personKeyPrefix } from '@rg/person-key';
import { findRegion } from '@rg/regions';
import { badUserInput, IsCitizenId, IsMobilePhone, IsPastDate, IsText, ownerOnly, todayInBeijing } from '@rg/subgraph-kit';
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
    const id = parseCitizenId(input.citizenId);
    const region = findRegion(id.regionCode);
    if (!region || region.level !== 'COUNTY') {
      throw badUserInput('input.citizenId', `region ${id.regionCode} is not a Jiangsu county`);
    }
    return ctx.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(Trainee);
      if (await repo.existsBy({ citizenId: id.value })) {
        throw badUserInput('input.citizenId', 'a trainee with this citizen ID is already registered');
      }
      const personKey = personKeyOf(id.value);
      const trainee = await repo.save(repo.create({
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
      }));
      await ctx.audit.write(tx, 'Trainee', [trainee.id]);
      return trainee;
    });
  }
}
