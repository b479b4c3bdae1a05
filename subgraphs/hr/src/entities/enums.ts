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
