import { registerEnumType } from 'type-graphql';

export enum Gender { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum TraineeCategory {
  MIGRANT_WORKER = 'MIGRANT_WORKER',
  REGISTERED_POOR = 'REGISTERED_POOR',
  COLLEGE_GRADUATE = 'COLLEGE_GRADUATE',
  VETERAN = 'VETERAN',
}
export enum TraineeStage { AWARENESS = 'AWARENESS', STARTUP = 'STARTUP', GROWTH = 'GROWTH' }
export enum CourseType {
  BUSINESS_AWARENESS = 'BUSINESS_AWARENESS',
  SYB = 'SYB',
  IYB = 'IYB',
  ECOMMERCE = 'ECOMMERCE',
  SKILL_PLUS = 'SKILL_PLUS',
}
export enum InstitutionOwnership { PUBLIC = 'PUBLIC', PRIVATE = 'PRIVATE' }
export enum BusinessStatus { PREPARING = 'PREPARING', OPERATING = 'OPERATING', STRUGGLING = 'STRUGGLING', CLOSED = 'CLOSED' }

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(TraineeCategory, { name: 'TraineeCategory', description: 'Who the returnee is (000 §1)' });
registerEnumType(TraineeStage, {
  name: 'TraineeStage',
  description: 'AWARENESS: wants to start; STARTUP: first months; GROWTH: already successful, upgrading',
});
registerEnumType(CourseType, { name: 'CourseType', description: 'GYB/SYB/IYB (ILO), e-commerce, skill-plus-entrepreneurship' });
registerEnumType(InstitutionOwnership, { name: 'InstitutionOwnership' });
registerEnumType(BusinessStatus, { name: 'BusinessStatus' });

export enum GuaranteeType {
  INSTITUTION = 'INSTITUTION',
  NATURAL_PERSON = 'NATURAL_PERSON',
  PARK = 'PARK',
  TWO_RIGHTS_MORTGAGE = 'TWO_RIGHTS_MORTGAGE',
  CREDIT_ONLY = 'CREDIT_ONLY',
}
export enum SubsidyKind { COMPLETION = 'COMPLETION', RESULT = 'RESULT' }
export enum LoanStatus { OUTSTANDING = 'OUTSTANDING', REPAID = 'REPAID', DEFAULTED = 'DEFAULTED' }

registerEnumType(GuaranteeType, {
  name: 'GuaranteeType',
  description: 'Who or what guarantees a start-up loan: a guarantee institution, a natural person, a park, a mortgage of land-use and house rights (两权抵押), or none (credit only)',
});
registerEnumType(SubsidyKind, { name: 'SubsidyKind', description: 'COMPLETION: paid per trainee who completed; RESULT: paid per result (pass, business started)' });
registerEnumType(LoanStatus, { name: 'LoanStatus' });
