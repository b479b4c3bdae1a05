/**
 * State shared by the per-department generators while one world is built. Records are
 * pushed straight into `world`, so an id is always the array length after the push.
 */
import type { World } from './world';
import type { Geography } from './counties';
import type { PersonFactory } from './people';
import type { Rng } from './rng';

export interface Context {
  rng: Rng;
  geo: Geography;
  people: PersonFactory;
  world: World;
  /** Number of trainees requested; sizes courses so classes stay plausible. */
  traineeCount: number;
}

export function emptyWorld(): World {
  return {
    hr: { institutions: [], courses: [], mentors: [], trainees: [], enrolments: [], ventures: [], loans: [], followUps: [],
      surveyResponses: [], designations: [], evaluations: [], debarments: [], subsidies: [],
      demonstrations: [], demonstrationReviews: [] },
    agriculture: { parks: [], residencies: [], projects: [] },
    poverty: { households: [], members: [] },
    youthLeague: { stories: [], awards: [] },
    womensFederation: { cases: [] },
  };
}

/**
 * Records a long step of the generation makes between two pauses (a `yield` of its generator,
 * which draws nothing from the RNG): a seeding's loads get the event loop back every few
 * milliseconds instead of after the whole step, seconds at a million trainees. Each turn of the
 * loop moves at most what a socket's send buffer holds (about 200 KB over a Unix socket) to
 * each COPY, so the pauses must be frequent: at 10,000 records (about 40 ms a step at a
 * million trainees) hr's enrolments were not all sent before the generation ended.
 */
export const RECORDS_PER_PAUSE = 2_000;

/** The venture facts later departments react to, in day numbers. */
export interface VentureEvent {
  ventureId: number;
  founderId: number;
  founderKey: string;
  founderName: string;
  founderGender: 'MALE' | 'FEMALE';
  countyIndex: number;
  industry: string;
  name: string;
  jobs: number;
  openedDay: number;
  /** -1 while the venture is still operating. */
  closedDay: number;
}
