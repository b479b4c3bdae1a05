/**
 * Makes the province's residents with unique, valid citizen IDs. Uniqueness is by
 * construction rather than by a Set of issued IDs: a million-plus strings in a Set would
 * cost more memory than the people themselves.
 */
import { composeCitizenId, personKeyOf, type Gender } from '@rg/person-key';
import type { Person } from './world';
import { isoOf, yearOfDay } from './dates';
import { phoneNumber, personName } from './names';
import type { Geography } from './counties';
import type { Rng } from './rng';

const FIRST_DAY = -20_000; // 1915-03-24: older than any generated birth date
const DAY_SPAN = 47_000; // up to 2043
const MALE_SLOTS = 500; // odd sequences 001–999
const FEMALE_SLOTS = 499; // even sequences 002–998 (000 is not issued)

/**
 * Returns `s` flattened. V8 keeps concatenations and long slices as ropes that pin their
 * parts (a person key pins the whole 64-character digest); reading a character forces one
 * flat copy, which saves about 90 bytes per person at a million people.
 */
export function flatten(s: string): string {
  s.charCodeAt(0);
  return s;
}

export class PersonFactory {
  /** Count of IDs issued per (county, birth day, gender). */
  private readonly issued: Uint16Array;

  constructor(
    private readonly rng: Rng,
    private readonly geo: Geography,
    private readonly secret: string,
  ) {
    this.issued = new Uint16Array(geo.counties.length * DAY_SPAN * 2);
  }

  make(countyIndex: number, birthDay: number, gender: Gender): Person {
    const county = this.geo.counties[countyIndex];
    const sequence = this.nextSequence(countyIndex, birthDay, gender);
    const citizenId = flatten(composeCitizenId(county.code, isoOf(birthDay), sequence));
    // The year counted from the day, not read back from the ISO date: a slice and a number parsed for each of 2.4 million people.
    return {
      citizenId,
      personKey: flatten(personKeyOf(citizenId, this.secret)),
      name: personName(this.rng, gender),
      phone: phoneNumber(this.rng),
      gender,
      birthYear: yearOfDay(birthDay),
      regionCode: county.code,
    };
  }

  /**
   * Walks the sequences of one (county, day, gender) slot in a fixed stride from a hashed
   * start: each slot looks random, yet no sequence is handed out twice.
   */
  private nextSequence(countyIndex: number, birthDay: number, gender: Gender): number {
    const dayOffset = birthDay - FIRST_DAY;
    if (dayOffset < 0 || dayOffset >= DAY_SPAN) throw new RangeError(`birth day ${birthDay} out of range`);
    const female = gender === 'FEMALE' ? 1 : 0;
    const slot = (countyIndex * DAY_SPAN + dayOffset) * 2 + female;
    const n = this.issued[slot]++;
    const slots = female ? FEMALE_SLOTS : MALE_SLOTS;
    if (n >= slots) throw new RangeError(`no citizen ID sequences left for slot ${slot}`);
    const start = Math.imul(slot, 0x9e3779b1) >>> 0;
    // 137 is coprime with both 500 and 499, so the stride visits every slot once.
    const k = (start + n * 137) % slots;
    return female ? 2 * (k + 1) : 2 * k + 1;
  }
}
