import { BusinessStatus, Gender, TraineeCategory, TraineeStage } from '../entities';

/** The Chinese labels hr's own sheets use for the API's enum names. */
export const GENDER_LABELS: Record<string, string> = { 男: Gender.MALE, 女: Gender.FEMALE };

export const CATEGORY_LABELS: Record<string, string> = {
  返乡农民工: TraineeCategory.MIGRANT_WORKER,
  建档立卡贫困人口: TraineeCategory.REGISTERED_POOR,
  高校毕业生: TraineeCategory.COLLEGE_GRADUATE,
  退役军人: TraineeCategory.VETERAN,
};

export const STAGE_LABELS: Record<string, string> = {
  创业意识: TraineeStage.AWARENESS,
  初创期: TraineeStage.STARTUP,
  成长期: TraineeStage.GROWTH,
};

export const BUSINESS_STATUS_LABELS: Record<string, string> = {
  筹备中: BusinessStatus.PREPARING,
  经营中: BusinessStatus.OPERATING,
  经营困难: BusinessStatus.STRUGGLING,
  已关闭: BusinessStatus.CLOSED,
};
