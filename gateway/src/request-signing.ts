import { importGatewaySigningKey, signGatewayRequest, GATEWAY_SIGNATURE_HEADER } from '@rg/access';

/**
 * Signs each request the gateway sends a department (see the kit's gateway-signature): the
 * departments answer the federation channel (_entities, _service, @inaccessible and @requires
 * fields) to the holder of this key only. The key is imported once; signing is per request.
 */
export interface RequestSigner {
  /** The header to add to a request carrying exactly this body to this department. */
  headersFor(department: string, body: string): Promise<Record<string, string>>;
}

export async function createRequestSigner(signingKey: string): Promise<RequestSigner> {
  const key = await importGatewaySigningKey(signingKey);
  return {
    async headersFor(department, body) {
      return { [GATEWAY_SIGNATURE_HEADER]: await signGatewayRequest(key, department, body) };
    },
  };
}
