import { In } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import { normaliseCitizenId, personKeyOf } from '@rg/person-key';
import { SurveyResponse } from '../entities';
import { RecordSurveyResponseInput, recordSurveyResponse } from '../resolvers/survey.resolver';

const keyOf = (personKey: string, surveyedOn: string) => `${personKey}|${surveyedOn}`;
const personKeyOfInput = (input: RecordSurveyResponseInput) => personKeyOf(normaliseCitizenId(input.citizenId));

/**
 * The returnee survey's register (返乡人员摸底调查表): one row per answer, a person answering
 * once a day. The citizen ID becomes the person key and is not kept.
 */
export const surveyResponseImport: ImportRecordType<RecordSurveyResponseInput, SurveyResponse> = {
  name: 'survey-responses',
  recordType: 'SurveyResponse',
  columns: [
    { field: 'citizenId', header: '身份证号', required: true },
    { field: 'surveyedOn', header: '调查日期', kind: 'date', required: true },
    { field: 'surveyedBy', header: '调查单位', required: true },
    { field: 'returnedOn', header: '返乡日期', kind: 'date' },
    { field: 'intendsToStart', header: '创业意愿', kind: 'boolean', required: true },
    { field: 'intendsToTrain', header: '培训意愿', kind: 'boolean', required: true },
    { field: 'desiredIndustry', header: '意向行业' },
    { field: 'needs', header: '主要需求' },
  ],
  inputClass: RecordSurveyResponseInput,
  // The ID's own problems are the input rules'; a valid one is keyed by its person key.
  naturalKey: (input) => keyOf(personKeyOfInput(input), input.surveyedOn),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(SurveyResponse).findBy({ personKey: In(inputs.map(personKeyOfInput)) });
    return new Map(found.map((r) => [keyOf(r.personKey, r.surveyedOn), r]));
  },
  differs(existing, input) {
    if (existing.surveyedBy !== input.surveyedBy.trim()) return 'surveyedBy';
    if (existing.intendsToStart !== input.intendsToStart) return 'intendsToStart';
    if (existing.intendsToTrain !== input.intendsToTrain) return 'intendsToTrain';
    if ((existing.returnedOn ?? undefined) !== input.returnedOn) return 'returnedOn';
    if ((existing.desiredIndustry ?? undefined) !== input.desiredIndustry?.trim()) return 'desiredIndustry';
    if ((existing.needs ?? undefined) !== input.needs?.trim()) return 'needs';
    return null;
  },
  write: recordSurveyResponse,
};
