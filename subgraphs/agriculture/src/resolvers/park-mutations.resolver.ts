import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, Matches, Max, MaxLength, Min } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { findRegion } from '@rg/regions';
import { badUserInput } from '@rg/api-errors';
import { IsPastDate, IsText } from '@rg/input-validation';
import { ownerOnly } from '@rg/access';
import { IncubatorPark, ParkKind, ParkLevel } from '../entities';
import type { AgricultureContext } from './context';

@InputType()
export class CreateParkInput {
  @Field()
  @IsText(100)
  name: string;

  @Field({ description: 'County-level GB/T 2260 code of a Jiangsu county' })
  regionCode: string;

  @Field(() => ParkLevel)
  level: ParkLevel;

  @Field(() => ParkKind, { nullable: true, description: 'Defaults to RETURNEE_PARK' })
  kind?: ParkKind | null;

  @Field()
  @IsPastDate()
  openedOn: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @Field(() => [String], { description: '1 to 10 industries' })
  @ArrayMinSize(1, { message: 'industries must name 1 to 10 industries' })
  @ArrayMaxSize(10, { message: 'industries must name 1 to 10 industries' })
  @Matches(/\S/, { each: true, message: 'industries must not contain a blank name' })
  @MaxLength(50, { each: true, message: 'industries must each be at most 50 characters' })
  industries: string[];
}

@Resolver()
export class ParkMutationResolver {
  @Authorized(ownerOnly('agriculture'))
  @Mutation(() => IncubatorPark, { description: 'Registers an incubator park (返乡创业园)' })
  async createPark(@Arg('input') input: CreateParkInput, @Ctx() ctx: AgricultureContext): Promise<IncubatorPark> {
    return ctx.transaction(async (tx) => {
      const park = await createPark(tx, input);
      await ctx.audit.write(tx, 'IncubatorPark', [park.id]);
      return park;
    });
  }
}

/** createPark's checks beyond the input's rules, and its write, shared with the park import. */
export async function createPark(tx: EntityManager, input: CreateParkInput): Promise<IncubatorPark> {
  const region = findRegion(input.regionCode);
  if (!region || region.level !== 'COUNTY') {
    throw badUserInput('input.regionCode', `${input.regionCode} is not a Jiangsu county code`);
  }
  const industries = input.industries.map((i) => i.trim());
  if (new Set(industries).size !== industries.length) throw badUserInput('input.industries', 'must not repeat an industry');
  const repo = tx.getRepository(IncubatorPark);
  return repo.save(repo.create({
    name: input.name.trim(), regionCode: input.regionCode, level: input.level, kind: input.kind ?? ParkKind.RETURNEE_PARK, openedOn: input.openedOn,
    capacity: input.capacity, industries,
  }));
}
