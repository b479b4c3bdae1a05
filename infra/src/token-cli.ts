import { signToken, isRole, ROLES, usesDevelopmentSecret, tokenConfigFromEnv } from '@rg/access';
import { gatewayAdmission } from './gateway-keys';

/**
 * `npm run token -- <role> [subject]`: a signed development token; the last line is the token.
 * `npm run token -- gateway`: a key pair that admits another gateway (see docs/ACCESS.md).
 */
async function main(): Promise<void> {
  const [role, subject] = process.argv.slice(2);
  if (role === 'gateway') {
    console.log((await gatewayAdmission(process.env.GATEWAY_PUBLIC_KEYS)).join('\n'));
    return;
  }
  if (!isRole(role)) {
    console.error(`usage: npm run token -- <role> [subject] | npm run token -- gateway\nroles: ${ROLES.join(', ')}`);
    process.exit(2);
  }
  if (process.env.NODE_ENV === 'production') {
    console.error('npm run token makes development tokens only');
    process.exit(2);
  }
  if (usesDevelopmentSecret(tokenConfigFromEnv())) console.log('(signed with the development secret)');
  console.log(`role: ${role}, valid for 12 hours`);
  console.log(await signToken(role, { subject }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
