import { Rng } from './rng';
import { buildGeography } from './counties';
import { PersonFactory } from './people';
import { dayOf, isoOf } from './dates';
import type { Person } from './world';

export interface RosterPerson extends Person {
  birthDate: string;
}

/**
 * Returnees as a department's own roster lists them — realistic names, phones, counties and
 * valid citizen IDs, unique within the roster — for import tests and the import benchmark.
 * Streamed one by one: a million-row file is generated without a million people in memory.
 * They are made by a factory of their own, so load them into a database without the demo province.
 */
export function* rosterPeople(count: number, seed = 20_260_301): Generator<RosterPerson> {
  const rng = new Rng(seed);
  const geo = buildGeography(rng);
  const people = new PersonFactory(rng, geo, 'roster-person-key-secret');
  for (let i = 0; i < count; i++) {
    const birthYear = rng.int(1961, 2002);
    const birthDay = dayOf(birthYear) + rng.int(0, dayOf(birthYear + 1) - dayOf(birthYear) - 1);
    const person = people.make(geo.countyTable.pick(rng), birthDay, rng.chance(0.45) ? 'FEMALE' : 'MALE');
    yield { ...person, birthDate: isoOf(birthDay) };
  }
}
