import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult, GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { badUserInput } from '@rg/api-errors';
import { isDatabaseUnavailable, serviceUnavailable } from '@rg/api-errors';
import { IDEMPOTENCY_HEADER, idempotencyKeyProblem, keyReusedError, requestHash } from '@rg/idempotency';
import type { DepartmentContext } from './context';

function answer(singleResult: FormattedExecutionResult): GraphQLResponse {
  return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
}

function refuse(error: GraphQLError): GraphQLResponse {
  return answer({ errors: [error.toJSON()] });
}

/**
 * Decides, before a mutation runs, what its Idempotency-Key means: a bad key or a key used for
 * another request is refused; a key whose first answer is recorded gets that answer again (its
 * reads audited again) without running anything. Otherwise the mutation runs, and the kit's
 * write transaction claims the key together with the write.
 */
export function idempotencyPlugin(dataSource: DataSource): ApolloServerPlugin<DepartmentContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, contextValue, source, request }) {
          const claim = contextValue.idempotency;
          if (!claim || operation.operation !== 'mutation') return null;
          const problem = idempotencyKeyProblem(claim.key);
          if (problem) return refuse(badUserInput(IDEMPOTENCY_HEADER, problem));
          if (operation.selectionSet.selections.length !== 1) {
            return refuse(badUserInput(IDEMPOTENCY_HEADER, 'covers one mutation field; send each write as its own request'));
          }
          claim.requestHash = requestHash(contextValue.viewer.role, source, request.variables);
          try {
            const stored = await claim.find(dataSource);
            if (!stored) return null;
            if (stored.request_hash !== claim.requestHash) return refuse(keyReusedError());
            // Committed but its answer was not recorded (it was cut off): the write transaction finds the record.
            if (!stored.response) return null;
            contextValue.audit.readAgain(stored.audited_reads ?? {});
            return answer(stored.response as FormattedExecutionResult);
          } catch (error) {
            if (isDatabaseUnavailable(error)) return refuse(serviceUnavailable());
            throw error;
          }
        },
      };
    },
  };
}
