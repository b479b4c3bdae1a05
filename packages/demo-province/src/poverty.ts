/**
 * The Poverty Alleviation Office's registry. Membership is decided here, not by the
 * trainee's self-declared category: most REGISTERED_POOR trainees are in it, some are not,
 * and a few migrant workers are, which is exactly what the cross-department join must show.
 */
import type { Gender } from '@rg/person-key';
import type { HouseholdMember, HouseholdRelation, PovertyCause, Trainee } from './world';
import { RECORDS_PER_PAUSE, type Context } from './context';
import { dayOf } from './dates';
import { WeightedTable } from './rng';
import { flatten } from './people';

const REGISTERED_POOR_IN_REGISTRY = 0.85;
const MIGRANT_IN_REGISTRY = 0.05;
const EXIT_SHARE = 0.6;
const CAUSES = new WeightedTable<PovertyCause>(
  ['ILLNESS', 'DISABILITY', 'LACK_OF_SKILLS', 'LACK_OF_CAPITAL', 'LACK_OF_LABOUR', 'DISASTER', 'OTHER'],
  [30, 12, 20, 18, 10, 4, 6]);

export interface MemberRef {
  member: HouseholdMember;
  countyIndex: number;
}

export interface Poverty {
  /** Registers the trainee's household if the registry holds them; true if it does. */
  onTrainee(trainee: Trainee, countyIndex: number): boolean;
  /**
   * Households without any trainee; returns their adult women, for support cases. A step of
   * the generation: it pauses every RECORDS_PER_PAUSE households.
   */
  addHouseholdsWithoutTrainees(count: number): Generator<undefined, MemberRef[]>;
  householdCount(): number;
}

export function buildPoverty(ctx: Context): Poverty {
  const { rng, geo, world } = ctx;
  const sequence = new Map<number, number>(); // county index * 10000 + year -> last seq

  const householdNo = (countyIndex: number, year: number): string => {
    const key = countyIndex * 10_000 + year;
    const seq = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, seq);
    return flatten(`${geo.counties[countyIndex].code}-${year}-${String(seq).padStart(6, '0')}`);
  };

  const addMember = (householdId: number, relation: HouseholdRelation, p: Omit<HouseholdMember, 'id' | 'householdId' | 'relation'>) => {
    const member: HouseholdMember = { id: world.poverty.members.length + 1, householdId, ...p, relation };
    world.poverty.members.push(member);
    return member;
  };

  const newPerson = (countyIndex: number, birthYear: number, gender: Gender) => {
    const year = Math.min(2019, Math.max(1925, birthYear));
    const day = dayOf(year) + rng.int(0, 364);
    const { citizenId, personKey, name, birthYear: by } = ctx.people.make(countyIndex, day, gender);
    return { citizenId, personKey, name, gender, birthYear: by };
  };

  /** One household: HEAD first, then spouse, children, parents or others. */
  const household = (countyIndex: number, trainee: Trainee | null, adultWomen: MemberRef[] | null): void => {
    const size = rng.int(2, 5);
    const registeredYear = rng.int(2014, 2019);
    const exitedYear = rng.chance(EXIT_SHARE) ? rng.int(registeredYear + 1, 2020) : null;
    world.poverty.households.push({
      id: world.poverty.households.length + 1, householdNo: householdNo(countyIndex, registeredYear),
      regionCode: geo.counties[countyIndex].code, size, cause: CAUSES.pick(rng), registeredYear, exitedYear,
      perCapitaIncomeYuan: rng.int(2000, 12_000),
    });
    const householdId = world.poverty.households.length;

    let traineeRole: HouseholdRelation | null = null;
    let headYear = rng.int(1945, 1990);
    let headGender: Gender = rng.chance(0.8) ? 'MALE' : 'FEMALE';
    if (trainee) {
      traineeRole = trainee.birthYear >= 1988 && rng.chance(0.5) ? 'CHILD' : rng.chance(0.7) ? 'HEAD' : 'SPOUSE';
      if (traineeRole === 'HEAD') {
        headYear = trainee.birthYear;
        headGender = trainee.gender;
      } else if (traineeRole === 'SPOUSE') {
        headYear = trainee.birthYear + rng.int(-4, 4);
        headGender = trainee.gender === 'MALE' ? 'FEMALE' : 'MALE';
      } else {
        headYear = trainee.birthYear - rng.int(22, 32);
      }
    }
    const roles: HouseholdRelation[] = ['HEAD'];
    for (let i = 1; i < size; i++) {
      roles.push(i === 1 && rng.chance(0.85) ? 'SPOUSE' : rng.chance(0.75) ? 'CHILD' : rng.chance(0.7) ? 'PARENT' : 'OTHER');
    }
    // The trainee takes a slot of their role: head, the spouse slot, or the last child slot.
    const traineeSlot = traineeRole === 'HEAD' ? 0 : traineeRole === 'SPOUSE' ? 1 : traineeRole === 'CHILD' ? size - 1 : -1;
    if (traineeRole && traineeSlot > 0) roles[traineeSlot] = traineeRole;

    roles.forEach((relation, slot) => {
      if (slot === traineeSlot && trainee) {
        const { citizenId, personKey, name, gender, birthYear } = trainee;
        addMember(householdId, relation, { citizenId, personKey, name, gender, birthYear });
        return;
      }
      const gender: Gender = relation === 'HEAD' ? headGender
        : relation === 'SPOUSE' ? (headGender === 'MALE' ? 'FEMALE' : 'MALE')
          : rng.chance(0.5) ? 'MALE' : 'FEMALE';
      const birthYear = relation === 'HEAD' ? headYear
        : relation === 'SPOUSE' ? headYear + rng.int(-4, 4)
          : relation === 'CHILD' ? headYear + rng.int(22, 32)
            : relation === 'PARENT' ? headYear - rng.int(22, 30) : headYear + rng.int(-10, 10);
      const member = addMember(householdId, relation, newPerson(countyIndex, birthYear, gender));
      if (adultWomen && gender === 'FEMALE' && member.birthYear >= 1955 && member.birthYear <= 1998) {
        adultWomen.push({ member, countyIndex });
      }
    });
  };

  return {
    onTrainee(trainee, countyIndex) {
      const share = trainee.category === 'REGISTERED_POOR' ? REGISTERED_POOR_IN_REGISTRY
        : trainee.category === 'MIGRANT_WORKER' ? MIGRANT_IN_REGISTRY : 0;
      if (share === 0 || !rng.chance(share)) return false;
      household(countyIndex, trainee, null);
      return true;
    },
    *addHouseholdsWithoutTrainees(count) {
      const adultWomen: MemberRef[] = [];
      for (let i = 0; i < count; i++) {
        if (i > 0 && i % RECORDS_PER_PAUSE === 0) yield;
        household(geo.countyTable.pick(rng), null, adultWomen);
      }
      return adultWomen;
    },
    householdCount: () => world.poverty.households.length,
  };
}
