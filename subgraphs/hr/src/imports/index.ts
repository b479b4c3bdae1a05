import { traineeImport } from './trainees';

/** The records hr imports from its spreadsheets: POST /import/<name>, npm run import -- hr <name> <file>. */
export const imports = [traineeImport];
