export * from './citizen-id';
export * from './person-key';
