export * from './stack';
export * from './compose';
export * from './departments';
export * from './provision';
export * from './seed-province';
export * from './processes';
export { EXAMPLE_QUERIES } from './example-queries';
export * from './audit-verify';
export * from './gateway-keys';
