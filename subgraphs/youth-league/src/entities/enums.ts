import { registerEnumType } from 'type-graphql';

export enum StoryChannel { WECHAT = 'WECHAT', NEWSPAPER = 'NEWSPAPER', TV = 'TV', WEBSITE = 'WEBSITE' }
export enum AwardLevel { COUNTY = 'COUNTY', CITY = 'CITY', PROVINCE = 'PROVINCE', NATIONAL = 'NATIONAL' }

registerEnumType(StoryChannel, { name: 'StoryChannel', description: 'Where a success story (青春创富故事汇) ran' });
export enum AwardRecipientKind { PERSON = 'PERSON', VENTURE = 'VENTURE' }

registerEnumType(AwardRecipientKind, { name: 'AwardRecipientKind', description: 'PERSON: an entrepreneur (返乡创业之星); VENTURE: an enterprise (hr\'s venture)' });
registerEnumType(AwardLevel, { name: 'AwardLevel', description: 'Level of the body that granted the award' });
