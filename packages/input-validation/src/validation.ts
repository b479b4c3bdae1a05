import { validate, type ValidationError } from 'class-validator';
import { badUserInput } from '@rg/api-errors';

/** class-validator's own messages start with the property ("amountYuan must not be …"); ours do not. */
function withoutProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

function firstViolation(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      return { field, message: withoutProperty(Object.values(error.constraints)[0], error.property) };
    }
    const nested = firstViolation(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/**
 * The argument a validated value came from ("input", "filter"), found among the field's raw
 * arguments; null for an @Args() class, whose fields are themselves the arguments.
 */
function argumentName(argValue: unknown, args: Record<string, unknown>): string | null {
  const json = JSON.stringify(argValue);
  for (const [name, raw] of Object.entries(args)) if (JSON.stringify(raw) === json) return name;
  return null;
}

/**
 * type-graphql `validateFn`: class-validator rules on every input class, reported as
 * BAD_USER_INPUT naming the first offending field ("input.citizenId: …", "filter.regionCode: …").
 */
export async function validateInput(argValue: unknown, _type: unknown, resolverData?: { args?: Record<string, unknown> }): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const argument = argumentName(argValue, resolverData?.args ?? {});
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const value of values) {
    // A list of scalars (region codes, years) has no class rules; its resolver checks it.
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value as object, { forbidUnknownValues: false, validationError: { target: false } });
    const violation = firstViolation(errors);
    if (violation) throw badUserInput(argument ? `${argument}.${violation.field}` : violation.field, violation.message);
  }
}
