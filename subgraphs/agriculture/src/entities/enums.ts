import { registerEnumType } from 'type-graphql';

export enum ParkLevel { COUNTY = 'COUNTY', CITY = 'CITY', PROVINCE = 'PROVINCE', NATIONAL = 'NATIONAL' }

registerEnumType(ParkLevel, {
  name: 'ParkLevel',
  description: 'Who designated the park; NATIONAL and PROVINCE are demonstration parks (示范园区)',
});

/** What a park is for: the plan's target of 20 new parks counts returnee parks only. */
export enum ParkKind { RETURNEE_PARK = 'RETURNEE_PARK', OTHER_INCUBATOR = 'OTHER_INCUBATOR' }

registerEnumType(ParkKind, {
  name: 'ParkKind',
  description: 'RETURNEE_PARK: a returnee entrepreneurship park (返乡创业园), counted by the plan; OTHER_INCUBATOR: another incubation base (maker space, general base)',
});
