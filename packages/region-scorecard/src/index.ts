import 'reflect-metadata';
export * from './disclosure';
export * from './key-set';
export * from './region';
export * from './region-disclosure';
export * from './roll-up';
export * from './scorecard';
export * from './scorecard-figures';
export * from './shared-resolvers';
