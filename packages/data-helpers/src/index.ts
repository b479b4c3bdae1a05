import 'reflect-metadata';
export * from './aggregate-cache';
export * from './bulk-copy';
export * from './bulk-load';
export * from './database';
export * from './dataloaders';
export * from './pagination';
export * from './unique-violation';
export * from './tally';
