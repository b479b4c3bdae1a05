import { generateGatewayKeyPair, importGatewayKeySet, type GatewayKeyConfigError } from '@rg/access';

/**
 * What admitting one more gateway (a canary, a replacement under test, the next key of a
 * rotation) takes: a fresh Ed25519 key pair. The private key goes to that gateway only; the
 * public key is added to every department's accepted set.
 */
export async function gatewayAdmission(currentPublicKeys?: string): Promise<string[]> {
  const { privateJwk, publicJwk } = await generateGatewayKeyPair();
  let accepted: string | undefined;
  if (currentPublicKeys?.trim()) {
    await importGatewayKeySet(currentPublicKeys).catch((error: GatewayKeyConfigError) => {
      throw new Error(`the current GATEWAY_PUBLIC_KEYS cannot be read: ${error.message}`);
    });
    const parsed = JSON.parse(currentPublicKeys);
    const keys = Array.isArray(parsed) ? parsed : parsed.keys ?? [parsed];
    accepted = JSON.stringify({ keys: [...keys, publicJwk] });
  }
  return [
    `A new gateway key pair (kid ${publicJwk.kid}).`,
    '1. The new gateway\'s environment (keep it secret, never give it to a department):',
    `GATEWAY_SIGNING_KEY='${JSON.stringify(privateJwk)}'`,
    '2. Add this public key to every department\'s GATEWAY_PUBLIC_KEYS and restart the departments one at a time:',
    JSON.stringify(publicJwk),
    ...(accepted
      ? ['   the current set with it added:', `GATEWAY_PUBLIC_KEYS='${accepted}'`]
      : ['   (set GATEWAY_PUBLIC_KEYS here to print the current set with it added)']),
    '3. Start the new gateway. To retire a key, remove it from GATEWAY_PUBLIC_KEYS once no gateway signs with it.',
  ];
}
