import { registerEnumType } from 'type-graphql';

export enum Gender { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum PovertyCause {
  ILLNESS = 'ILLNESS',
  DISABILITY = 'DISABILITY',
  LACK_OF_SKILLS = 'LACK_OF_SKILLS',
  LACK_OF_CAPITAL = 'LACK_OF_CAPITAL',
  LACK_OF_LABOUR = 'LACK_OF_LABOUR',
  DISASTER = 'DISASTER',
  OTHER = 'OTHER',
}
export enum HouseholdRelation { HEAD = 'HEAD', SPOUSE = 'SPOUSE', CHILD = 'CHILD', PARENT = 'PARENT', OTHER = 'OTHER' }

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(PovertyCause, { name: 'PovertyCause', description: 'Main cause of poverty recorded at registration (致贫原因)' });
registerEnumType(HouseholdRelation, { name: 'HouseholdRelation', description: 'Relation to the head of the household' });
