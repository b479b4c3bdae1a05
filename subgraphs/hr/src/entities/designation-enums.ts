import { registerEnumType } from 'type-graphql';

/** What a demonstration designation is given to (001 §6, 002). */
export enum DesignationKind {
  COUNTY = 'COUNTY',
  PARK = 'PARK',
  PROJECT = 'PROJECT',
  POVERTY_RELIEF_PROJECT = 'POVERTY_RELIEF_PROJECT',
  VENTURE = 'VENTURE',
  PERSON = 'PERSON',
}
export enum DesignationLevel { CITY = 'CITY', PROVINCE = 'PROVINCE', NATIONAL = 'NATIONAL' }
export enum DesignationReviewResult { PASSED = 'PASSED', RECTIFY = 'RECTIFY', REVOKED = 'REVOKED' }

registerEnumType(DesignationKind, {
  name: 'DesignationKind',
  description: 'COUNTY: model county (返乡创业示范县); PARK: demonstration park (示范园区); PROJECT: demonstration project (示范项目); '
    + 'POVERTY_RELIEF_PROJECT: outstanding poverty-relief project (助力脱贫攻坚优秀项目); VENTURE: star enterprise (明星企业); '
    + 'PERSON: entrepreneur star (返乡创业明星)',
});
registerEnumType(DesignationLevel, {
  name: 'DesignationLevel',
  description: 'CITY: designated by the city (评选认定市级); PROVINCE, NATIONAL: designated higher up on the city\'s recommendation',
});
registerEnumType(DesignationReviewResult, {
  name: 'DesignationReviewResult',
  description: 'The yearly review (每年12月年度考核): PASSED keeps the designation, RECTIFY keeps it with changes required, REVOKED ends it',
});
