import {
  importGatewaySigningKey, signGatewayRequests, GATEWAY_SIGNATURE_HEADER, MAX_SIGNED_TOGETHER,
  type GatewaySigningKey, type RequestToSign,
} from '@rg/access';

/**
 * Signs each request the gateway sends a department (see @rg/access's gateway-signature): the
 * departments answer the federation channel (_entities, _service, @inaccessible and @requires
 * fields) to the holder of this key only. The key is imported once.
 */
export interface RequestSigner {
  /** The header to add to a request carrying exactly this body to this department. */
  headersFor(department: string, body: string): Promise<Record<string, string>>;
}

interface Waiting extends RequestToSign {
  resolve(headers: Record<string, string>): void;
  reject(error: unknown): void;
}

/**
 * The requests asked for in one turn of the event loop are signed together, once the turn's
 * I/O callbacks have run (setImmediate): one Ed25519 signature covers up to
 * MAX_SIGNED_TOGETHER of them, each still bound to its own department and body. Under load a
 * turn starts the fetches of several client requests (their entity stages, the next root
 * fetches), and signing was the largest part of the gateway's CPU per fetch; a lone request
 * waits for nothing but the end of its own turn.
 */
export async function createRequestSigner(signingKey: string): Promise<RequestSigner> {
  const key = await importGatewaySigningKey(signingKey);
  let waiting: Waiting[] = [];
  const signWaiting = () => {
    const turn = waiting;
    waiting = [];
    for (let start = 0; start < turn.length; start += MAX_SIGNED_TOGETHER) signTogether(key, turn.slice(start, start + MAX_SIGNED_TOGETHER));
  };
  return {
    headersFor(department, body) {
      return new Promise((resolve, reject) => {
        if (!waiting.length) setImmediate(signWaiting);
        waiting.push({ department, body, resolve, reject });
      });
    },
  };
}

function signTogether(key: GatewaySigningKey, requests: Waiting[]): void {
  signGatewayRequests(key, requests).then(
    (signatures) => requests.forEach((request, i) => request.resolve({ [GATEWAY_SIGNATURE_HEADER]: signatures[i] })),
    (error) => requests.forEach((request) => request.reject(error)),
  );
}
