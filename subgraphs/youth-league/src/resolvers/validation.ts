import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isPersonKey } from '@rg/person-key';
import { findRegion } from '@rg/regions';

/** youth-league's input rules beyond the kit's: its records point at people and places it does not own. */

/** hr's pseudonymous person key: pk_ and 32 lower-case hex digits. */
export function IsPersonKey(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isPersonKey',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isPersonKey(value),
      defaultMessage: () => 'must be a person key (pk_ and 32 lower-case hex digits)',
    },
  }, options);
}

/** Records carry a county-level code; analysts roll them up to city and province. */
export function IsCountyCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isCountyCode',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && findRegion(value)?.level === 'COUNTY',
      defaultMessage: () => 'must be the GB/T 2260 code of a Jiangsu county',
    },
  }, options);
}

/** A year from 2000 to the current one: awards are recorded once granted, never ahead. */
export function IsAwardYear(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isAwardYear',
    validator: {
      validate: (value: unknown) =>
        Number.isInteger(value) && (value as number) >= 2000 && (value as number) <= new Date().getUTCFullYear(),
      defaultMessage: () => 'must be a year from 2000 to the current year',
    },
  }, options);
}
