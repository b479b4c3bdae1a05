import 'reflect-metadata';
export * from './notice-targets';
export * from './policy-target.entity';
export * from './policy-target-migration';
export * from './policy-target.resolver';
export * from './target-lookup';
