import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { badUserInput, parseId } from '@rg/api-errors';
import { ownerOnly } from '@rg/access';
import { Designation, DesignationKind, DesignationReview, DesignationReviewResult, Trainee, Venture } from '../entities';
import type { HrContext } from './context';
import { DesignateInput, RecordDesignationReviewInput } from './designation-types';

type SubjectField = 'parkId' | 'ventureId' | 'traineeId' | 'projectName';
/** The one subject field each kind names; the others must be left out. */
const SUBJECT: Record<DesignationKind, SubjectField | null> = {
  [DesignationKind.COUNTY]: null,
  [DesignationKind.PARK]: 'parkId',
  [DesignationKind.PROJECT]: 'projectName',
  [DesignationKind.POVERTY_RELIEF_PROJECT]: 'projectName',
  [DesignationKind.VENTURE]: 'ventureId',
  [DesignationKind.PERSON]: 'traineeId',
};
/** Kinds whose county hr cannot read from its own records: the input gives it. */
const COUNTY_GIVEN = new Set([DesignationKind.COUNTY, DesignationKind.PARK, DesignationKind.PROJECT, DesignationKind.POVERTY_RELIEF_PROJECT]);
const DUPLICATE = 'this subject already holds this title for the year';

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

/** The venture's or trainee's county; a county given for them must agree with the record. */
async function regionOfRecord(tx: EntityManager, input: DesignateInput): Promise<{ regionCode: string; ventureId: number | null; traineeId: number | null }> {
  if (input.kind === DesignationKind.VENTURE) {
    const venture = await tx.getRepository(Venture).findOneBy({ id: parseId('input.ventureId', input.ventureId!) });
    if (!venture) throw badUserInput('input.ventureId', 'no such venture');
    if (input.year < Number(venture.openedOn.slice(0, 4))) throw badUserInput('input.year', 'must not be before the venture opened');
    return { regionCode: venture.regionCode, ventureId: venture.id, traineeId: null };
  }
  const trainee = await tx.getRepository(Trainee).findOneBy({ id: parseId('input.traineeId', input.traineeId!) });
  if (!trainee) throw badUserInput('input.traineeId', 'no such trainee');
  return { regionCode: trainee.regionCode, ventureId: null, traineeId: trainee.id };
}

/** designate's checks and write: the subject matches the kind and exists where hr can tell. Auditing is the caller's. */
export async function designate(tx: EntityManager, input: DesignateInput): Promise<Designation> {
  const own = SUBJECT[input.kind];
  for (const field of ['parkId', 'ventureId', 'traineeId', 'projectName'] as const) {
    const given = input[field] !== undefined && input[field] !== null;
    if (field === own && !given) throw badUserInput(`input.${field}`, `a ${input.kind} designation names its subject here`);
    if (field !== own && given) throw badUserInput(`input.${field}`, `not for a ${input.kind} designation`);
  }
  let subject = { regionCode: input.regionCode ?? '', ventureId: null as number | null, traineeId: null as number | null };
  if (COUNTY_GIVEN.has(input.kind)) {
    if (!input.regionCode) throw badUserInput('input.regionCode', `a ${input.kind} designation names its county`);
  } else {
    subject = await regionOfRecord(tx, input);
    if (input.regionCode && input.regionCode !== subject.regionCode) {
      throw badUserInput('input.regionCode', `the ${input.kind === DesignationKind.VENTURE ? 'venture' : 'person'} is recorded in ${subject.regionCode}`);
    }
  }
  // A park belongs to agriculture: hr checks the id's form only, as youth-league does for ventures.
  const parkId = input.kind === DesignationKind.PARK ? parseId('input.parkId', input.parkId!) : null;
  const projectName = input.projectName?.trim() ?? null;
  const title = input.title.trim();
  const [{ taken }] = await tx.query(
    `SELECT EXISTS (SELECT 1 FROM designation WHERE kind = $1 AND region_code = $2 AND coalesce(park_id, 0) = $3
       AND coalesce(venture_id, 0) = $4 AND coalesce(trainee_id, 0) = $5 AND coalesce(project_name, '') = $6
       AND title = $7 AND year = $8) AS taken`,
    [input.kind, subject.regionCode, parkId ?? 0, subject.ventureId ?? 0, subject.traineeId ?? 0, projectName ?? '', title, input.year],
  );
  if (taken) throw badUserInput('input.title', DUPLICATE);
  const repo = tx.getRepository(Designation);
  return repo.save(repo.create({
    kind: input.kind, level: input.level, year: input.year, title, reviewingBody: input.reviewingBody.trim(),
    regionCode: subject.regionCode, parkId, ventureId: subject.ventureId, traineeId: subject.traineeId, projectName,
  }));
}

/**
 * recordDesignationReview's checks and write: once a year, not before the designation, and
 * nothing after a revocation. The designation's row lock serialises its reviews.
 */
export async function recordDesignationReview(tx: EntityManager, input: RecordDesignationReviewInput): Promise<DesignationReview> {
  const designation = await tx.getRepository(Designation).findOne({
    where: { id: parseId('input.designationId', input.designationId) }, lock: { mode: 'pessimistic_write' },
  });
  if (!designation) throw badUserInput('input.designationId', 'no such designation');
  if (input.year < designation.year) throw badUserInput('input.year', `must not be before the year designated (${designation.year})`);
  const repo = tx.getRepository(DesignationReview);
  const reviews = await repo.find({ where: { designationId: designation.id }, order: { year: 'ASC' } });
  if (reviews.some((r) => r.year === input.year)) throw badUserInput('input.year', 'this designation already has a review for this year');
  const revoked = reviews.find((r) => r.result === DesignationReviewResult.REVOKED);
  if (revoked && input.year > revoked.year) throw badUserInput('input.year', `the designation was revoked in ${revoked.year}: no review after it`);
  const later = reviews.find((r) => r.year > input.year);
  if (input.result === DesignationReviewResult.REVOKED && later) {
    throw badUserInput('input.result', `a review for ${later.year} is already recorded: a revocation ends the designation`);
  }
  return repo.save(repo.create({ designationId: designation.id, year: input.year, result: input.result, note: input.note?.trim() ?? null }));
}

@Resolver()
export class DesignationMutationResolver {
  @Authorized(ownerOnly('hr'))
  @Mutation(() => Designation, { description: 'Records a demonstration designation after review (评选认定)' })
  async designate(@Arg('input') input: DesignateInput, @Ctx() ctx: HrContext): Promise<Designation> {
    try {
      return await ctx.transaction(async (tx) => {
        const record = await designate(tx, input);
        await ctx.audit.write(tx, 'Designation', [record.id]);
        return record;
      });
    } catch (error) {
      // A concurrent designation of the same subject won the race past the existence check.
      if (isUniqueViolation(error)) throw badUserInput('input.title', DUPLICATE);
      throw error;
    }
  }

  @Authorized(ownerOnly('hr'))
  @Mutation(() => DesignationReview, { description: "Records a designation's yearly review (年度考核); REVOKED ends the designation" })
  async recordDesignationReview(@Arg('input') input: RecordDesignationReviewInput, @Ctx() ctx: HrContext): Promise<DesignationReview> {
    return ctx.transaction(async (tx) => {
      const review = await recordDesignationReview(tx, input);
      await ctx.audit.write(tx, 'DesignationReview', [review.id]);
      return review;
    });
  }
}
