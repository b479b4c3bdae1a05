/**
 * The deterministic demo province: one seeded RNG drives every department's generator in
 * a fixed order, so the same seed and size give the same world byte for byte.
 */
import { personKeySecret } from '@rg/person-key';
import type { GenerateOptions, World } from './world';
import { emptyWorld, type Context } from './context';
import { buildGeography } from './counties';
import { PersonFactory } from './people';
import { Rng } from './rng';
import { buildCatalogue, buildMentors } from './hr-catalogue';
import { generateTrainees } from './hr-trainees';
import { buildAgriculture } from './agriculture';
import { buildPoverty } from './poverty';
import { buildYouthLeague } from './youth-league';
import { buildWomensFederation } from './womens-federation';
import { buildSurvey } from './hr-survey';
import { buildInstitutionRecords } from './hr-institutions';
import { buildOutcomes } from './hr-outcomes';
import { plantSupportPriorityCases } from './support-priority';
import { buildDemonstrations } from './demonstrations';

/** The plan's first day as a number: memorable, and the worlds in docs and tests use it. */
export const DEFAULT_SEED = 20160101;
export const DEFAULT_TRAINEES = 3000;
export const MAX_TRAINEES = 1_000_000;
/** Mixed into the seed for hr's programme records (survey, institutions, outcomes). */
const PROGRAMME_STREAM = 0x5eed7a;
/** Mixed into the seed for the support-priority cases (support-priority.ts). */
const SUPPORT_PRIORITY_STREAM = 0x9007;
/** Mixed into the seed for the demonstration designations and enterprise awards. */
const DEMONSTRATION_STREAM = 0xde5197;

export function generateWorld(options: GenerateOptions = {}): World {
  const seed = options.seed ?? DEFAULT_SEED;
  const traineeCount = options.trainees ?? DEFAULT_TRAINEES;
  if (!Number.isInteger(traineeCount) || traineeCount < 0 || traineeCount > MAX_TRAINEES) {
    throw new RangeError(`trainees must be an integer from 0 to ${MAX_TRAINEES}, got ${traineeCount}`);
  }
  const rng = new Rng(seed);
  const geo = buildGeography(rng);
  const ctx: Context = {
    rng,
    geo,
    people: new PersonFactory(rng, geo, options.personKeySecret ?? personKeySecret()),
    world: emptyWorld(),
    traineeCount,
  };

  const courses = buildCatalogue(ctx);
  const mentorsByCity = buildMentors(ctx);
  const agriculture = buildAgriculture(ctx);
  const poverty = buildPoverty(ctx);
  const youthLeague = buildYouthLeague(ctx);
  const women = buildWomensFederation(ctx);

  generateTrainees(ctx, courses, mentorsByCity, {
    venture(event) {
      agriculture.onVenture(event);
      youthLeague.onVenture(event);
    },
    trainee({ trainee, countyIndex, ventures }) {
      const inRegistry = poverty.onTrainee(trainee, countyIndex);
      women.onTrainee(trainee, countyIndex, inRegistry, ventures);
    },
  });

  // About as many registered households again without any trainee in them.
  const householdWomen = poverty.addHouseholdsWithoutTrainees(poverty.householdCount());
  women.addNonTrainees(householdWomen);

  // hr's programme records last, from their own stream, so the records above stay as they were.
  const programme: Context = { ...ctx, rng: new Rng(seed ^ PROGRAMME_STREAM) };
  buildSurvey(programme);
  buildInstitutionRecords(programme);
  buildOutcomes(programme);
  plantSupportPriorityCases({ ...ctx, rng: new Rng(seed ^ SUPPORT_PRIORITY_STREAM) });
  buildDemonstrations({ ...ctx, rng: new Rng(seed ^ DEMONSTRATION_STREAM) });
  return ctx.world;
}
