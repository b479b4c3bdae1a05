export * from './columns';
export * from './record-type';
export * from './report';
export * from './runner';
export * from './template';
export { detectEncoding } from './csv-reader';
export * from './client';
export * from './test-files';
