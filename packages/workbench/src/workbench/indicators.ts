/** The scorecard's indicators, Chinese label first, with the API's field name and how to show a value. */
export type Format = 'count' | 'percent' | 'decimal' | 'yuan';

export interface IndicatorInfo {
  field: string;
  zh: string;
  format: Format;
}

export const INDICATORS: IndicatorInfo[] = [
  { field: 'trained', zh: '培训人数', format: 'count' },
  { field: 'passRate', zh: '培训合格率', format: 'percent' },
  { field: 'openingRate6m', zh: '六个月内创业率', format: 'percent' },
  { field: 'jobsPerVenture', zh: '每户带动就业', format: 'decimal' },
  { field: 'survivalRate1y', zh: '一年存活率', format: 'percent' },
  { field: 'loansIssuedYuan', zh: '创业担保贷款（元）', format: 'yuan' },
  { field: 'newParks', zh: '新建孵化园区', format: 'count' },
  { field: 'poorTraineeShare', zh: '建档立卡贫困人员占比', format: 'percent' },
  { field: 'poorWomenTrainees', zh: '贫困妇女受训人数', format: 'count' },
  { field: 'poorWomenSupportedShare', zh: '贫困妇女获帮扶占比', format: 'percent' },
  { field: 'storiesPublished', zh: '宣传典型报道', format: 'count' },
  { field: 'womenSupportCasesOpened', zh: '妇女帮扶立案', format: 'count' },
  { field: 'wishingToTrain', zh: '调查有培训意愿人数', format: 'count' },
  { field: 'trainingWishesMet', zh: '有培训意愿者当年受训率', format: 'percent' },
  { field: 'followUpCoverage6m', zh: '六个月内跟踪服务覆盖率', format: 'percent' },
  { field: 'followUpCoverage12m', zh: '一年内跟踪服务覆盖率', format: 'percent' },
  { field: 'nonFounderEmploymentRate', zh: '未创业学员就业率', format: 'percent' },
  { field: 'followUpJobs6m', zh: '六个月回访带动就业', format: 'count' },
  { field: 'followUpJobs12m', zh: '一年回访带动就业', format: 'count' },
  { field: 'followUpOutputYuan6m', zh: '六个月回访产值（元）', format: 'yuan' },
  { field: 'followUpOutputYuan12m', zh: '一年回访产值（元）', format: 'yuan' },
  // Priority of the poor for every support policy; returnee entrepreneurs trained or not.
  { field: 'poorBorrowerShare', zh: '创业担保贷款建档立卡贫困人员占比', format: 'percent' },
  { field: 'poorWomenBorrowers', zh: '贫困妇女获创业担保贷款人数', format: 'count' },
  { field: 'poorFounderShare', zh: '新开业建档立卡贫困创业者占比', format: 'percent' },
  { field: 'poorWomenFounders', zh: '贫困妇女创业人数', format: 'count' },
  { field: 'poorParkEntrantShare', zh: '入园孵化建档立卡贫困创业者占比', format: 'percent' },
  { field: 'returneeVentures', zh: '返乡创业开业户数', format: 'count' },
  { field: 'trainedFounderShare', zh: '创业者中受训人员占比', format: 'percent' },
];

export const PLAN_YEARS = [2016, 2017, 2018, 2019, 2020];

export function formatValue(value: number | null | undefined, format: Format): string {
  if (value === null || value === undefined) return '—';
  switch (format) {
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'decimal':
      return value.toFixed(2);
    default:
      return grouped(Math.round(value));
  }
}

/**
 * An integer with its digits in threes, as zh-CN writes it (1,234,567). Not through Intl: its
 * first use sets up the locale's formatting, tens of milliseconds of the first screen's main thread.
 */
export function grouped(n: number): string {
  return (n < 0 ? '-' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** The selection of these indicators, for a scorecard query. */
export function indicatorSelection(fields: string[]): string {
  return fields.map((field) => `${field} { value target met suppressed note }`).join(' ');
}

export interface Indicator {
  value: number | null;
  target: number | null;
  met: boolean | null;
  suppressed: boolean;
  note: string | null;
}

export type ScorecardAnswer = { regionCode: string; year: number } & Record<string, Indicator | null>;
