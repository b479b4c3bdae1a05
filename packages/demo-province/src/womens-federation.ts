/**
 * The Women's Federation's support cases. Poor women come first (000 §3.1): women in the
 * poverty registry are far more likely to have a case, and only they carry poorPriority.
 */
import type { SupportOutcome, SupportType, Trainee } from './world';
import type { Context, VentureEvent } from './context';
import type { MemberRef } from './poverty';
import { DATA_CUTOFF, PLAN_END, PLAN_START, dayOf, isoOf, parseIsoDay } from './dates';
import { WeightedTable } from './rng';

const SHARE_OF_WOMEN = 0.25;
const SHARE_OF_POOR_WOMEN = 0.7;
const STILL_OPEN_SHARE = 0.25;
const SUPPORT_TYPES = new WeightedTable<SupportType>(
  ['MENTORING', 'MICRO_CREDIT_REFERRAL', 'ECOMMERCE_TRAINING', 'CHILDCARE', 'OTHER'], [30, 25, 30, 8, 7]);

interface Woman {
  citizenId: string;
  personKey: string;
  name: string;
}

export interface WomensFederation {
  onTrainee(trainee: Trainee, countyIndex: number, inRegistry: boolean, ventures: VentureEvent[]): void;
  /** Adds cases for women outside the trainee register: ~10 % of all cases. */
  addNonTrainees(householdWomen: MemberRef[]): void;
}

export function buildWomensFederation(ctx: Context): WomensFederation {
  const { rng, geo, world } = ctx;

  const addCase = (woman: Woman, countyIndex: number, poorPriority: boolean, aroundDay: number, ventureDay: number) => {
    const openedDay = Math.min(PLAN_END, Math.max(PLAN_START, aroundDay + rng.int(-90, 365)));
    let closedDay = rng.chance(STILL_OPEN_SHARE) ? -1 : openedDay + rng.int(30, 720);
    if (closedDay > DATA_CUTOFF) closedDay = -1;
    let outcome: SupportOutcome = 'ONGOING';
    if (closedDay >= 0) {
      outcome = ventureDay >= 0 && ventureDay <= closedDay && rng.chance(0.8) ? 'VENTURE_OPENED'
        : rng.chance(0.6) ? 'EMPLOYED' : 'WITHDRAWN';
    }
    world.womensFederation.cases.push({
      id: world.womensFederation.cases.length + 1, citizenId: woman.citizenId, personKey: woman.personKey,
      name: woman.name, regionCode: geo.counties[countyIndex].code, supportType: SUPPORT_TYPES.pick(rng),
      openedOn: isoOf(openedDay), closedOn: closedDay < 0 ? null : isoOf(closedDay), outcome, poorPriority,
    });
  };

  return {
    onTrainee(trainee, countyIndex, inRegistry, ventures) {
      if (trainee.gender !== 'FEMALE' || !rng.chance(inRegistry ? SHARE_OF_POOR_WOMEN : SHARE_OF_WOMEN)) return;
      // Cases open around the trainee's registration with HR: a season before to a year after.
      const registered = parseIsoDay(trainee.registeredOn);
      addCase(trainee, countyIndex, inRegistry, registered, ventures.length > 0 ? ventures[0].openedDay : -1);
    },
    addNonTrainees(householdWomen) {
      const total = Math.round(world.womensFederation.cases.length / 9);
      const fromRegistry = Math.min(householdWomen.length, Math.floor(total / 2));
      // Partial Fisher–Yates: distinct women without shuffling the whole list.
      for (let i = 0; i < fromRegistry; i++) {
        const j = rng.int(i, householdWomen.length - 1);
        [householdWomen[i], householdWomen[j]] = [householdWomen[j], householdWomen[i]];
        const { member, countyIndex } = householdWomen[i];
        addCase(member, countyIndex, true, rng.int(PLAN_START, PLAN_END), -1);
      }
      for (let i = fromRegistry; i < total; i++) {
        const countyIndex = geo.countyTable.pick(rng);
        const birthYear = rng.int(1965, 1998);
        const person = ctx.people.make(countyIndex, dayOf(birthYear) + rng.int(0, 364), 'FEMALE');
        addCase(person, countyIndex, false, rng.int(PLAN_START, PLAN_END), -1);
      }
    },
  };
}
