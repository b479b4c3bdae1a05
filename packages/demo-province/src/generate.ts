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
  const { world, steps } = startGeneration(options);
  for (let step = steps.next(); !step.done; step = steps.next());
  return world;
}

/** What a generation in steps has produced so far, and promises of what it will have. */
export interface WorldInProgress {
  /** The world being generated: every record in its arrays is complete as soon as it is there. */
  world: World;
  /** How many trainees the world will have. */
  traineeCount: number;
  /** Settles once every trainee, with its enrolments and ventures, is generated; the rest follows. */
  trainees: Promise<void>;
  /** Settles once the whole world is generated (rejects if the generation failed). */
  done: Promise<void>;
  /** Settles at the next pause of the generation (or when it has ended): more records may be there. */
  nextPause(): Promise<void>;
  /**
   * Settles once no later step adds to `records` (one of the world's arrays) or changes one of
   * them, so a table can be loaded while the steps after it still run; an array no step names
   * is final when the whole world is. Rejects if the generation failed.
   */
  final(records: readonly unknown[]): Promise<void>;
}

/** What a step of the generation yields: a pause, the end of the trainees, or arrays final from then on. */
type Step = undefined | 'trainees' | { final: ReadonlyArray<readonly unknown[]> };

const IN_PROGRESS = Symbol('world in progress');

/**
 * The same world as generateWorld, generated 250 trainees at a time, each step after
 * the event loop has served whatever waits (a seeding's COPY of the trainees generated so far).
 * The world is returned at once; its generation begins at the next turn of the event loop.
 */
export function generateWorldInSteps(options: GenerateOptions = {}): WorldInProgress {
  const { world, steps, traineeCount } = startGeneration(options);
  const finals = new Finals();
  let paused: () => void = () => undefined;
  let pause = new Promise<void>((resolve) => { paused = resolve; });
  let traineesDone: (error?: unknown) => void = () => undefined;
  const trainees = new Promise<void>((resolve, reject) => {
    traineesDone = (error) => (error === undefined ? resolve() : reject(error));
  });
  // Observed here: a failure is reported by whoever awaits `trainees` or `done`.
  trainees.catch(() => undefined);
  const done = (async () => {
    try {
      for (;;) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const step = steps.next();
        if (step.value === 'trainees') traineesDone();
        else if (step.value) finals.settle(step.value.final);
        const resolve = paused;
        pause = new Promise<void>((next) => { paused = next; });
        resolve();
        if (step.done) return;
      }
    } catch (error) {
      traineesDone(error);
      finals.fail(error);
      throw error;
    } finally {
      traineesDone();
      finals.settleAll();
      paused();
    }
  })();
  done.catch(() => undefined);
  const progress: WorldInProgress = {
    world, traineeCount, trainees, done, nextPause: () => pause, final: (records) => finals.of(records),
  };
  Object.defineProperty(world, IN_PROGRESS, { value: progress, enumerable: false });
  return progress;
}

/** The promises of WorldInProgress.final, by array: made when asked for, settled when a step names the array. */
class Finals {
  private readonly waiting = new Map<readonly unknown[], { promise: Promise<void>; settle: (error?: unknown) => void }>();
  private readonly settled = new Set<readonly unknown[]>();
  private failure: { error: unknown } | undefined;
  private ended = false;

  of(records: readonly unknown[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.ended || this.settled.has(records)) return Promise.resolve();
    let entry = this.waiting.get(records);
    if (!entry) {
      let settle: (error?: unknown) => void = () => undefined;
      const promise = new Promise<void>((resolve, reject) => {
        settle = (error) => (error === undefined ? resolve() : reject(error));
      });
      // Observed here: a failure is reported by whoever awaits it.
      promise.catch(() => undefined);
      entry = { promise, settle };
      this.waiting.set(records, entry);
    }
    return entry.promise;
  }

  settle(arrays: ReadonlyArray<readonly unknown[]>): void {
    for (const records of arrays) {
      this.settled.add(records);
      this.waiting.get(records)?.settle();
      this.waiting.delete(records);
    }
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    for (const entry of this.waiting.values()) entry.settle(error);
    this.waiting.clear();
  }

  settleAll(): void {
    if (this.failure) return;
    this.ended = true;
    for (const entry of this.waiting.values()) entry.settle();
    this.waiting.clear();
  }
}

/** The generation in steps a world is still in, if it came from generateWorldInSteps. */
export function worldInProgress(world: World): WorldInProgress | undefined {
  return (world as World & { [IN_PROGRESS]?: WorldInProgress })[IN_PROGRESS];
}

/**
 * The records of one of the world's arrays in batches, as they are generated, until `complete`
 * (one of the progress's promises after which the array no longer grows) settles; a failed
 * generation fails the iteration, so a consumer never takes a part for the whole.
 */
export async function* recordsAsGenerated<T>(progress: WorldInProgress, records: readonly T[], complete: Promise<void>): AsyncGenerator<readonly T[]> {
  let settled = false;
  complete.then(() => { settled = true; }, () => { settled = true; });
  for (let from = 0; ;) {
    // Read before taking the batch: once `complete` has settled, every record is in this one.
    const last = settled;
    if (records.length > from) {
      const batch = records.slice(from);
      from += batch.length;
      yield batch;
    }
    if (last) {
      await complete;
      return;
    }
    await Promise.race([progress.nextPause(), complete]).catch(() => undefined);
  }
}

function startGeneration(options: GenerateOptions): { world: World; traineeCount: number; steps: Generator<Step, void> } {
  const seed = options.seed ?? DEFAULT_SEED;
  const traineeCount = options.trainees ?? DEFAULT_TRAINEES;
  if (!Number.isInteger(traineeCount) || traineeCount < 0 || traineeCount > MAX_TRAINEES) {
    throw new RangeError(`trainees must be an integer from 0 to ${MAX_TRAINEES}, got ${traineeCount}`);
  }
  const world = emptyWorld();
  return { world, traineeCount, steps: generationSteps(seed, traineeCount, options.personKeySecret, world) };
}

/**
 * The whole generation, pausing between trainee steps, after the trainees ('trainees') and
 * after each later step, naming the arrays that no step after it adds to or changes.
 */
function* generationSteps(seed: number, traineeCount: number, secret: string | undefined, world: World): Generator<Step, void> {
  const rng = new Rng(seed);
  const geo = buildGeography(rng);
  const ctx: Context = {
    rng,
    geo,
    people: new PersonFactory(rng, geo, secret ?? personKeySecret()),
    world,
    traineeCount,
  };

  const courses = buildCatalogue(ctx);
  const mentorsByCity = buildMentors(ctx);
  const agriculture = buildAgriculture(ctx);
  const poverty = buildPoverty(ctx);
  const youthLeague = buildYouthLeague(ctx);
  const women = buildWomensFederation(ctx);

  yield* generateTrainees(ctx, courses, mentorsByCity, {
    venture(event) {
      agriculture.onVenture(event);
      youthLeague.onVenture(event);
    },
    trainee({ trainee, countyIndex, ventures }) {
      const inRegistry = poverty.onTrainee(trainee, countyIndex);
      women.onTrainee(trainee, countyIndex, inRegistry, ventures);
    },
  });
  yield 'trainees';

  // About as many registered households again without any trainee in them.
  const householdWomen = yield* poverty.addHouseholdsWithoutTrainees(poverty.householdCount());
  women.addNonTrainees(householdWomen);
  yield { final: [world.poverty.households, world.poverty.members] };

  // hr's programme records last, from their own stream, so the records above stay as they were.
  const programme: Context = { ...ctx, rng: new Rng(seed ^ PROGRAMME_STREAM) };
  yield* buildSurvey(programme);
  yield { final: [world.hr.surveyResponses] };
  yield* buildInstitutionRecords(programme);
  yield { final: [world.hr.designations, world.hr.evaluations, world.hr.debarments, world.hr.subsidies] };
  yield* buildOutcomes(programme);
  // The support-priority cases that follow read the loans and visits but plant neither.
  yield { final: [world.hr.loans, world.hr.followUps] };
  plantSupportPriorityCases({ ...ctx, rng: new Rng(seed ^ SUPPORT_PRIORITY_STREAM) });
  buildDemonstrations({ ...ctx, rng: new Rng(seed ^ DEMONSTRATION_STREAM) });
}
