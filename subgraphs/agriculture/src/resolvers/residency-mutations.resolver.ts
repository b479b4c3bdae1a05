import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { IsNull, type EntityManager } from 'typeorm';
import { badUserInput, parseId } from '@rg/api-errors';
import { IsPastDate } from '@rg/input-validation';
import { ownerOnly } from '@rg/access';
import { IncubatorPark, Residency } from '../entities';
import type { AgricultureContext } from './context';
import { isUniqueViolation } from '@rg/data-helpers';

@InputType({ description: "A venture moving into a park; the venture is hr's, its id is taken as given" })
export class AdmitVentureInput {
  @Field(() => ID)
  parkId: string;

  @Field(() => ID)
  ventureId: string;

  @Field()
  @IsPastDate()
  enteredOn: string;
}

@InputType()
export class ReleaseVentureInput {
  @Field(() => ID)
  parkId: string;

  @Field(() => ID)
  ventureId: string;

  @Field()
  @IsPastDate()
  leftOn: string;
}

@Resolver()
export class ResidencyMutationResolver {
  @Authorized(ownerOnly('agriculture'))
  @Mutation(() => Residency, { description: 'Admits a venture to a park with room; a venture resides in one park at a time' })
  async admitVenture(@Arg('input') input: AdmitVentureInput, @Ctx() ctx: AgricultureContext): Promise<Residency> {
    return ctx.transaction(async (tx) => {
      const residency = await admitVenture(tx, input);
      await ctx.audit.write(tx, 'Residency', [residency.id]);
      return residency;
    });
  }

  @Authorized(ownerOnly('agriculture'))
  @Mutation(() => Residency, { description: 'Records a resident venture leaving its park' })
  async releaseVenture(@Arg('input') input: ReleaseVentureInput, @Ctx() ctx: AgricultureContext): Promise<Residency> {
    const parkId = parseId('input.parkId', input.parkId);
    const ventureId = parseId('input.ventureId', input.ventureId);
    return ctx.transaction(async (tx) => {
      if (!(await tx.getRepository(IncubatorPark).existsBy({ id: parkId }))) throw badUserInput('input.parkId', 'no such park');
      const repo = tx.getRepository(Residency);
      const residency = await repo.findOne({
        where: { parkId, ventureId, leftOn: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!residency) throw badUserInput('input.ventureId', 'is not resident in this park');
      if (input.leftOn < residency.enteredOn) {
        throw badUserInput('input.leftOn', `must not be before the venture entered (${residency.enteredOn})`);
      }
      residency.leftOn = input.leftOn;
      await repo.save(residency);
      await ctx.audit.write(tx, 'Residency', [residency.id]);
      return residency;
    });
  }
}

/** admitVenture's checks (park open, room left, one park at a time) and write, shared with the residency import. */
export async function admitVenture(tx: EntityManager, input: AdmitVentureInput): Promise<Residency> {
  const parkId = parseId('input.parkId', input.parkId);
  const ventureId = parseId('input.ventureId', input.ventureId);
  // Locking the park serialises admissions to it, so occupancy cannot pass capacity.
  const park = await tx.getRepository(IncubatorPark).findOne({ where: { id: parkId }, lock: { mode: 'pessimistic_write' } });
  if (!park) throw badUserInput('input.parkId', 'no such park');
  if (input.enteredOn < park.openedOn) throw badUserInput('input.enteredOn', `must not be before the park opened (${park.openedOn})`);
  const [venture] = await tx.query(
    `SELECT count(*) FILTER (WHERE left_on IS NULL) AS resident, max(left_on)::text AS "lastLeftOn"
     FROM residency WHERE venture_id = $1`,
    [ventureId],
  );
  if (Number(venture.resident) > 0) throw badUserInput('input.ventureId', 'is already resident in a park');
  if (venture.lastLeftOn && input.enteredOn < venture.lastLeftOn) {
    throw badUserInput('input.enteredOn', `must not be before the venture left its previous park (${venture.lastLeftOn})`);
  }
  const [{ occupancy }] = await tx.query(
    'SELECT count(*) AS occupancy FROM residency WHERE park_id = $1 AND left_on IS NULL',
    [parkId],
  );
  if (Number(occupancy) >= park.capacity) throw badUserInput('input.parkId', `the park is full (capacity ${park.capacity})`);
  const repo = tx.getRepository(Residency);
  let residency: Residency;
  try {
    residency = await repo.save(repo.create({ parkId, ventureId, enteredOn: input.enteredOn, leftOn: null }));
  } catch (error) {
    // Another park admitted the same venture concurrently and committed first.
    if (isUniqueViolation(error, 'residency_open_venture_key')) throw badUserInput('input.ventureId', 'is already resident in a park');
    throw error;
  }
  return residency;
}
