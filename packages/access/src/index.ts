export * from './access';
export * from './gateway-signature';
export * from './personal-records';
export * from './roles';
export * from './tokens';
export * from './verified-tokens';
