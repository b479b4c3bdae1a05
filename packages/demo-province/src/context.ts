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
