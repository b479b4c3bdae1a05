import { validate, type ValidationError } from 'class-validator';
import { badUserInput } from './errors';

function firstViolation(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      return { field, message: Object.values(error.constraints)[0].replace(`${error.property} `, '') };
    }
    const nested = firstViolation(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/**
 * type-graphql `validateFn`: class-validator rules on every input class, reported as
 * BAD_USER_INPUT naming the first offending field ("input.citizenId: …").
 */
export async function validateInput(argValue: unknown): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const value of values) {
    const errors = await validate(value as object, { forbidUnknownValues: false, validationError: { target: false } });
    const violation = firstViolation(errors);
    if (violation) throw badUserInput(`input.${violation.field}`, violation.message);
  }
}
