import { registerDecorator, type ValidationOptions } from 'class-validator';

export function currentYear(): number {
  return new Date().getUTCFullYear();
}

/**
 * An integer year from `min` to the current year. class-validator's @Max would fix "the
 * current year" when the process starts, and a subgraph outlives New Year's Eve.
 */
export function IsYearSince(min: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => {
    registerDecorator({
      name: 'isYearSince',
      target: target.constructor,
      propertyName: String(propertyKey),
      options,
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= currentYear(),
        defaultMessage: () => `must be a year from ${min} to ${currentYear()}`,
      },
    });
  };
}
