import { registerEnumType } from 'type-graphql';

export enum SupportType {
  MENTORING = 'MENTORING',
  MICRO_CREDIT_REFERRAL = 'MICRO_CREDIT_REFERRAL',
  ECOMMERCE_TRAINING = 'ECOMMERCE_TRAINING',
  CHILDCARE = 'CHILDCARE',
  OTHER = 'OTHER',
}
export enum SupportOutcome {
  VENTURE_OPENED = 'VENTURE_OPENED',
  EMPLOYED = 'EMPLOYED',
  ONGOING = 'ONGOING',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(SupportType, { name: 'SupportType', description: "The Women's Federation's kinds of support for women entrepreneurs" });
registerEnumType(SupportOutcome, { name: 'SupportOutcome', description: 'ONGOING while the case is open' });
