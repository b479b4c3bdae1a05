import { generateGatewayKeyPair, importGatewayKeySet, verifyGatewaySignature, GATEWAY_SIGNATURE_HEADER, MAX_SIGNED_TOGETHER } from '@rg/access';
import { createRequestSigner, type RequestSigner } from './request-signing';

describe('the gateway signs the requests of one turn together', () => {
  let signer: RequestSigner;
  let verify: (header: string, department: string, body: string) => Promise<void>;
  beforeAll(async () => {
    const { privateJwk, publicJwk } = await generateGatewayKeyPair();
    signer = await createRequestSigner(JSON.stringify(privateJwk));
    const keys = await importGatewayKeySet(JSON.stringify({ keys: [publicJwk] }));
    verify = (header, department, body) => verifyGatewaySignature(header, department, body, keys);
  });
  const jwtOf = (header: string) => header.split('~')[0];
  const ask = (requests: Array<[string, string]>) =>
    Promise.all(requests.map(([department, body]) => signer.headersFor(department, body).then((h) => h[GATEWAY_SIGNATURE_HEADER])));

  it('gives requests asked in the same turn one signature, each valid only at its department for its body', async () => {
    const requests: Array<[string, string]> = [['hr', '{"query":"{ a }"}'], ['poverty', '{"query":"{ b }"}'], ['agriculture', '{"query":"{ c }"}']];
    const headers = await ask(requests);
    expect(new Set(headers.map(jwtOf)).size).toBe(1);
    await Promise.all(requests.map(([department, body], i) => expect(verify(headers[i], department, body)).resolves.toBeUndefined()));
    await expect(verify(headers[0], 'poverty', requests[1][1])).rejects.toThrow(/its entry does not match/);
  });

  it('signs a request alone in its turn in the single form, and the next turn under a signature of its own', async () => {
    const [alone] = await ask([['hr', '{"query":"{ a }"}']]);
    expect(alone).not.toContain('~');
    await expect(verify(alone, 'hr', '{"query":"{ a }"}')).resolves.toBeUndefined();
    const next = await ask([['hr', '{"query":"{ a }"}'], ['poverty', '{}']]);
    expect(next.map(jwtOf)).toEqual([jwtOf(next[1]), jwtOf(next[1])]);
    expect(jwtOf(next[0])).not.toBe(alone);
  });

  it(`splits a turn of more than ${MAX_SIGNED_TOGETHER} requests over several signatures`, async () => {
    const requests = Array.from({ length: MAX_SIGNED_TOGETHER * 2 + 1 }, (_, i): [string, string] => ['hr', `{"query":"{ n${i} }"}`]);
    const headers = await ask(requests);
    expect(new Set(headers.map(jwtOf)).size).toBe(3);
    await Promise.all(requests.map(([department, body], i) => expect(verify(headers[i], department, body)).resolves.toBeUndefined()));
  });
});
