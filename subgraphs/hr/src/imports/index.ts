import { traineeImport } from './trainees';
import { ventureImport } from './ventures';
import { loanImport } from './loans';

/** The records hr imports from its spreadsheets: POST /import/<name>, npm run import -- hr <name> <file>. */
export const imports = [traineeImport, ventureImport, loanImport];
