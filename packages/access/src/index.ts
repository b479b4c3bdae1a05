export * from './access';
export * from './gateway-signature';
export * from './roles';
export * from './tokens';
export * from './verified-tokens';
