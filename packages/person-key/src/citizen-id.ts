/**
 * Citizen ID (居民身份证号码) per GB 11643-1999: 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
export type Gender = 'MALE' | 'FEMALE';

export interface CitizenId {
  /** Normalised form: 18 characters, upper-case X. */
  value: string;
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  birthYear: number;
  sequence: number;
  gender: Gender;
}

export class CitizenIdError extends Error {}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new CitizenIdError('the first 17 characters must be digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export function normaliseCitizenId(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Parses and validates; throws CitizenIdError saying what is wrong. `today` bounds the birth date. */
export function parseCitizenId(raw: string, today: Date = new Date()): CitizenId {
  const value = normaliseCitizenId(raw);
  if (!/^\d{17}[\dX]$/.test(value)) {
    throw new CitizenIdError('must be 17 digits followed by a digit or X');
  }
  const expected = checkCharacter(value.slice(0, 17));
  if (value[17] !== expected) throw new CitizenIdError('check character does not match');
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    throw new CitizenIdError('birth date is not a calendar date');
  }
  if (year < 1850 || birth.getTime() > today.getTime()) throw new CitizenIdError('birth date is out of range');
  const sequence = Number(value.slice(14, 17));
  return {
    value,
    regionCode: value.slice(0, 6),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    birthYear: year,
    sequence,
    gender: sequence % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

export function isValidCitizenId(raw: string): boolean {
  try {
    parseCitizenId(raw);
    return true;
  } catch {
    return false;
  }
}

/** Builds a valid ID; used by the demo-province generator. */
export function composeCitizenId(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Shown to the collecting department's own staff only: region and check character hidden. */
export function maskCitizenId(raw: string): string {
  const value = normaliseCitizenId(raw);
  return `${value.slice(0, 3)}***********${value.slice(14, 17)}*`;
}
