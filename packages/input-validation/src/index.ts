import 'reflect-metadata';
export * from './validation';
export * from './validation-rules';
