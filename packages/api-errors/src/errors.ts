import { GraphQLError } from 'graphql';

/** Bad input from the caller; `field` names the offending input field so clients can point at it. */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function notFound(what: string, id: string | number): GraphQLError {
  return new GraphQLError(`${what} ${id} not found`, { extensions: { code: 'NOT_FOUND' } });
}

export function forbidden(message = 'not allowed for your role'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** A GraphQL ID argument as the integer primary key it stands for. */
export function parseId(field: string, value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw badUserInput(field, 'is not an id');
  return id;
}
