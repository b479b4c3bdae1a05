import { GraphQLError } from 'graphql';
import { CircuitOpenError } from './circuit-breaker';
import { describeFailure } from './department-failure';

/** The error @apollo/gateway's RemoteGraphQLDataSource throws for a non-2xx answer. */
const httpError = (status: number) =>
  new GraphQLError(`${status}: status`, { extensions: { response: { url: 'http://hr/graphql', status, statusText: 'status', body: {} } } });

describe('describeFailure', () => {
  it("names a refused gateway signature, so a rotation's mistake is visible", () => {
    expect(describeFailure('hr', httpError(401))).toEqual({
      reason: 'http_error',
      message: "The hr department refused this gateway's signature (is its key in the department's GATEWAY_PUBLIC_KEYS?)",
    });
  });

  it('keeps other HTTP errors, timeouts and refused connections apart', () => {
    expect(describeFailure('hr', httpError(500))).toEqual({ reason: 'http_error', message: 'The hr department is unavailable' });
    expect(describeFailure('hr', Object.assign(new Error('t'), { name: 'TimeoutError' })).reason).toBe('timeout');
    expect(describeFailure('hr', new TypeError('fetch failed')).reason).toBe('unreachable');
    expect(describeFailure('hr', new CircuitOpenError('hr')).reason).toBe('circuit_open');
  });
});
