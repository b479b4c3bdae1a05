/**
 * The demo province as plain records, split by the department that keeps them. Each
 * department's seed inserts only its own part; people are shared only through personKey
 * (and, for departments that collected it, the raw citizen ID they hold themselves).
 * Dates are ISO strings (YYYY-MM-DD); money is whole yuan.
 */
import type { Gender } from '@rg/person-key';

export type TraineeCategory = 'MIGRANT_WORKER' | 'REGISTERED_POOR' | 'COLLEGE_GRADUATE' | 'VETERAN';
export type TraineeStage = 'AWARENESS' | 'STARTUP' | 'GROWTH';
export type CourseType = 'BUSINESS_AWARENESS' | 'SYB' | 'IYB' | 'ECOMMERCE' | 'SKILL_PLUS';
export type InstitutionOwnership = 'PUBLIC' | 'PRIVATE';
export type BusinessStatus = 'PREPARING' | 'OPERATING' | 'STRUGGLING' | 'CLOSED';
export type ParkLevel = 'COUNTY' | 'CITY' | 'PROVINCE' | 'NATIONAL';
/** A returnee park (返乡创业园) counts toward the plan's 20 new parks; another incubator (a maker space, a general base) does not. */
export type ParkKind = 'RETURNEE_PARK' | 'OTHER_INCUBATOR';
export type PovertyCause =
  | 'ILLNESS' | 'DISABILITY' | 'LACK_OF_SKILLS' | 'LACK_OF_CAPITAL' | 'LACK_OF_LABOUR' | 'DISASTER' | 'OTHER';
export type HouseholdRelation = 'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT' | 'OTHER';
export type StoryChannel = 'WECHAT' | 'NEWSPAPER' | 'TV' | 'WEBSITE';
export type AwardLevel = 'COUNTY' | 'CITY' | 'PROVINCE' | 'NATIONAL';
export type SupportType = 'MENTORING' | 'MICRO_CREDIT_REFERRAL' | 'ECOMMERCE_TRAINING' | 'CHILDCARE' | 'OTHER';
export type GuaranteeType = 'INSTITUTION' | 'NATURAL_PERSON' | 'PARK' | 'TWO_RIGHTS_MORTGAGE' | 'CREDIT_ONLY';
export type SubsidyKind = 'COMPLETION' | 'RESULT';
export type SupportOutcome = 'VENTURE_OPENED' | 'EMPLOYED' | 'ONGOING' | 'WITHDRAWN';

/** A resident of the province; the generator's view, never a department's. */
export interface Person {
  citizenId: string;
  personKey: string;
  name: string;
  phone: string;
  gender: Gender;
  birthYear: number;
  regionCode: string; // county code, from the citizen ID
}

export interface Institution { id: number; name: string; regionCode: string; ownership: InstitutionOwnership }
export interface Course {
  id: number; institutionId: number; type: CourseType; name: string; regionCode: string;
  startsOn: string; endsOn: string;
}
export interface Mentor { id: number; name: string; regionCode: string; speciality: string }
export interface Trainee {
  id: number; citizenId: string; personKey: string; name: string; phone: string;
  gender: Gender; birthYear: number; regionCode: string;
  category: TraineeCategory; stage: TraineeStage; registeredOn: string;
}
export interface Enrolment {
  id: number; traineeId: number; courseId: number; enrolledOn: string;
  completedOn: string | null; passed: boolean | null; certificateNo: string | null; satisfaction: number | null;
}
export interface Venture {
  id: number; founderId: number; name: string; industry: string; regionCode: string;
  openedOn: string; jobsCreated: number; closedOn: string | null;
}
export interface Loan {
  id: number; borrowerId: number; ventureId: number | null; amountYuan: number; bank: string;
  issuedOn: string; interestSubsidised: boolean; repaidOn: string | null;
  guaranteeType: GuaranteeType | null; interestSubsidyYuan: number | null; defaultedOn: string | null;
}
export interface FollowUp {
  id: number; traineeId: number; mentorId: number | null; visitedOn: string;
  businessStatus: BusinessStatus; helpGiven: string;
  employed: boolean | null; jobs: number | null; outputValueYuan: number | null;
}
/** One returnee's survey answers; people who never trained are surveyed too. */
export interface SurveyResponse {
  id: number; personKey: string; gender: Gender; regionCode: string; surveyedOn: string; surveyedBy: string;
  returnedOn: string | null; intendsToStart: boolean; intendsToTrain: boolean; desiredIndustry: string | null; needs: string | null;
}
export interface InstitutionDesignation {
  id: number; institutionId: number; designatedFrom: string; designatedTo: string | null; reviewingBody: string;
}
export interface InstitutionEvaluation {
  id: number; institutionId: number; year: number; completions: number; passes: number; venturesWithin6m: number;
  satisfaction: number | null;
}
export interface InstitutionDebarment { id: number; institutionId: number; debarredOn: string; reason: string }
export interface TrainingSubsidy { id: number; enrolmentId: number; kind: SubsidyKind; amountYuan: number; paidOn: string }

export interface IncubatorPark {
  id: number; name: string; regionCode: string; level: ParkLevel; kind: ParkKind; openedOn: string;
  capacity: number; industries: string[];
}
export interface Residency { id: number; parkId: number; ventureId: number; enteredOn: string; leftOn: string | null }
export interface RecommendedProject {
  id: number; title: string; industry: string; regionCode: string; investmentYuan: number; paybackMonths: number;
}

export interface PoorHousehold {
  id: number; householdNo: string; regionCode: string; size: number; cause: PovertyCause;
  registeredYear: number; exitedYear: number | null; perCapitaIncomeYuan: number;
}
export interface HouseholdMember {
  id: number; householdId: number; citizenId: string; personKey: string; name: string;
  gender: Gender; birthYear: number; relation: HouseholdRelation;
}

export interface SuccessStory {
  id: number; title: string; summary: string; protagonistPersonKey: string; protagonistName: string;
  ventureId: number; regionCode: string; publishedOn: string | null; channel: StoryChannel;
}
export interface Award {
  id: number; personKey: string | null; recipientName: string | null; title: string; level: AwardLevel;
  year: number; regionCode: string;
  /** PERSON: personKey and recipientName name the person; VENTURE: an enterprise award, ventureId names hr's venture. */
  recipientKind: AwardRecipientKind; ventureId: number | null;
}

export interface WomenSupportCase {
  id: number; citizenId: string; personKey: string; name: string; regionCode: string;
  supportType: SupportType; openedOn: string; closedOn: string | null; outcome: SupportOutcome;
  poorPriority: boolean;
}

// --- Demonstration designations (001 §6, 002) and enterprise awards ---
export type AwardRecipientKind = 'PERSON' | 'VENTURE';
export type DesignationKind = 'COUNTY' | 'PARK' | 'PROJECT' | 'POVERTY_RELIEF_PROJECT' | 'VENTURE' | 'PERSON';
export type DesignationLevel = 'CITY' | 'PROVINCE' | 'NATIONAL';
export type DesignationReviewResult = 'PASSED' | 'RECTIFY' | 'REVOKED';
/** A model county, demonstration park or project, poverty-relief project, star enterprise or entrepreneur star (hr designates). */
export interface Designation {
  id: number; kind: DesignationKind; level: DesignationLevel; year: number; title: string; reviewingBody: string;
  regionCode: string; parkId: number | null; ventureId: number | null; traineeId: number | null; projectName: string | null;
}
/** One December review of a designation; REVOKED ends it. */
export interface DesignationReview { id: number; designationId: number; year: number; result: DesignationReviewResult; note: string | null }
// --- end of designations ---

export interface World {
  hr: {
    institutions: Institution[]; courses: Course[]; mentors: Mentor[]; trainees: Trainee[];
    enrolments: Enrolment[]; ventures: Venture[]; loans: Loan[]; followUps: FollowUp[];
    surveyResponses: SurveyResponse[]; designations: InstitutionDesignation[]; evaluations: InstitutionEvaluation[];
    debarments: InstitutionDebarment[]; subsidies: TrainingSubsidy[];
    /** Demonstration designations (not the institutions' `designations` above) and their reviews. */
    demonstrations: Designation[]; demonstrationReviews: DesignationReview[];
  };
  agriculture: { parks: IncubatorPark[]; residencies: Residency[]; projects: RecommendedProject[] };
  poverty: { households: PoorHousehold[]; members: HouseholdMember[] };
  youthLeague: { stories: SuccessStory[]; awards: Award[] };
  womensFederation: { cases: WomenSupportCase[] };
}

export interface GenerateOptions {
  /** Seed of the RNG: the same seed and size give the same world, byte for byte. */
  seed?: number;
  /** Number of trainees; default 3,000, up to 1,000,000. */
  trainees?: number;
  /** Secret for personKey; defaults to the development secret. */
  personKeySecret?: string;
}
