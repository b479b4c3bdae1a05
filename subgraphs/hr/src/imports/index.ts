import { traineeImport } from './trainees';
import { ventureImport } from './ventures';
import { loanImport } from './loans';
import { enrolmentImport } from './enrolments';
import { surveyResponseImport } from './survey-responses';
import { trainingSubsidyImport } from './training-subsidies';

/** The records hr imports from its spreadsheets: POST /import/<name>, npm run import -- hr <name> <file>. */
export const imports = [traineeImport, enrolmentImport, ventureImport, loanImport, surveyResponseImport, trainingSubsidyImport];
