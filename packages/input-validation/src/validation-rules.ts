import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseCitizenId, CitizenIdError, isPersonKey } from '@rg/person-key';
import { findRegion } from '@rg/regions';
import { currentYearInBeijing, isAfterToday } from '@rg/beijing-date';

/** Shared class-validator rules for the departments' inputs. */

function rule(name: string, check: (value: unknown) => string | null, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => {
    let lastProblem = '';
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyKey),
      options,
      validator: {
        validate(value: unknown) {
          if (value === undefined || value === null) return true; // optionality is @IsOptional's or GraphQL's business
          const problem = check(value);
          lastProblem = problem ?? '';
          return problem === null;
        },
        defaultMessage: () => lastProblem,
      },
    });
  };
}

/** GB 11643 citizen ID: format, calendar birth date, MOD 11-2 check character. */
export function IsCitizenId(options?: ValidationOptions): PropertyDecorator {
  return rule('isCitizenId', (value) => {
    if (typeof value !== 'string') return 'must be a string';
    try {
      parseCitizenId(value);
      return null;
    } catch (error) {
      if (error instanceof CitizenIdError) return `is not a valid citizen ID: ${error.message}`;
      throw error;
    }
  }, options);
}

/** ISO calendar date (YYYY-MM-DD), not after today in Beijing and not before 2000. */
export function IsPastDate(options?: ValidationOptions): PropertyDecorator {
  return rule('isPastDate', (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'must be a date YYYY-MM-DD';
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return 'is not a calendar date';
    if (isAfterToday(value)) return 'must not be in the future';
    if (value < '2000-01-01') return 'must not be before 2000-01-01';
    return null;
  }, options);
}

/** Chinese mobile number. */
export function IsMobilePhone(options?: ValidationOptions): PropertyDecorator {
  return rule('isMobilePhone', (value) =>
    typeof value === 'string' && /^1[3-9]\d{9}$/.test(value) ? null : 'must be an 11-digit mobile number', options);
}

/** A non-blank string of bounded length (names, titles). */
export function IsText(max: number, options?: ValidationOptions): PropertyDecorator {
  return rule('isText', (value) => {
    if (typeof value !== 'string' || value.trim().length === 0) return 'must not be blank';
    if (value.length > max) return `must be at most ${max} characters`;
    return null;
  }, options);
}

/** The current year in Beijing, where the departments' records are dated. */
export function currentYear(): number {
  return currentYearInBeijing();
}

/**
 * An integer year from `min` to the current year. class-validator's @Max would fix "the
 * current year" when the process starts, and a subgraph outlives New Year's Eve.
 */
export function IsYearSince(min: number, options?: ValidationOptions): PropertyDecorator {
  return rule('isYearSince', (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= currentYear()
      ? null : `must be a year from ${min} to ${currentYear()}`, options);
}

/** The pseudonymous person key: pk_ and 32 lower-case hex digits. */
export function IsPersonKey(options?: ValidationOptions): PropertyDecorator {
  return rule('isPersonKey', (value) =>
    typeof value === 'string' && isPersonKey(value) ? null : 'must be a person key (pk_ and 32 lower-case hex digits)', options);
}

/** Records carry a county-level code; analysts roll them up to city and province. */
export function IsCountyCode(options?: ValidationOptions): PropertyDecorator {
  return rule('isCountyCode', (value) =>
    typeof value === 'string' && findRegion(value)?.level === 'COUNTY' ? null : 'must be the GB/T 2260 code of a Jiangsu county', options);
}

/** A filter's region: a Jiangsu GB/T 2260 code at any level, rolled up to its counties. */
export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return rule('isRegionCode', (value) =>
    typeof value === 'string' && findRegion(value) ? null : 'must be a Jiangsu GB/T 2260 code (province, city or county)', options);
}
