import { HouseholdMember } from './household-member.entity';
import { PoorHousehold } from './poor-household.entity';

export * from './enums';
export { HouseholdMember, PoorHousehold };
export const entities = [HouseholdMember, PoorHousehold];
