import { registerEnumType } from 'type-graphql';

export enum ParkLevel { COUNTY = 'COUNTY', CITY = 'CITY', PROVINCE = 'PROVINCE', NATIONAL = 'NATIONAL' }

registerEnumType(ParkLevel, {
  name: 'ParkLevel',
  description: 'Who designated the park; NATIONAL and PROVINCE are demonstration parks (示范园区)',
});
