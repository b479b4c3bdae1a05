/**
 * The record lists the workbench browses: the API's root field, its filter (as the API names
 * them), and the columns that can be chosen, cross-department ones included (a dotted path
 * follows the graph; a list joins its values with "; ").
 */
export interface RecordColumn {
  path: string;
  zh: string;
}

export interface RecordFilter {
  name: string;
  zh: string;
  kind: 'region' | 'year' | 'enum' | 'boolean' | 'text';
  values?: [string, string][];
}

export interface RecordType {
  field: string;
  zh: string;
  filterType: string;
  filters: RecordFilter[];
  columns: RecordColumn[];
  defaults: string[];
}

const region: RecordFilter = { name: 'regionCode', zh: '地区', kind: 'region' };
const year = (name: string, zh: string): RecordFilter => ({ name, zh, kind: 'year' });

export const RECORD_TYPES: RecordType[] = [
  {
    field: 'trainees', zh: '培训人员', filterType: 'TraineeFilter',
    filters: [
      region,
      { name: 'category', zh: '人员类别', kind: 'enum', values: [['MIGRANT_WORKER', '返乡农民工'], ['REGISTERED_POOR', '建档立卡贫困人员'], ['COLLEGE_GRADUATE', '高校毕业生'], ['VETERAN', '退役军人']] },
      { name: 'gender', zh: '性别', kind: 'enum', values: [['MALE', '男'], ['FEMALE', '女']] },
      { name: 'stage', zh: '创业阶段', kind: 'enum', values: [['AWARENESS', '意识期'], ['STARTUP', '初创期'], ['GROWTH', '成长期']] },
      year('registeredYear', '登记年度'), year('trainedYear', '结业年度'),
    ],
    columns: [
      { path: 'personKey', zh: '人员标识' }, { path: 'name', zh: '姓名' }, { path: 'phone', zh: '手机号码' }, { path: 'gender', zh: '性别' },
      { path: 'birthYear', zh: '出生年份' }, { path: 'regionCode', zh: '县区代码' }, { path: 'category', zh: '人员类别' }, { path: 'stage', zh: '创业阶段' },
      { path: 'registeredOn', zh: '登记日期' }, { path: 'firstCompletedOn', zh: '首次结业日期' },
      { path: 'ventures.name', zh: '创办企业' }, { path: 'ventures.jobsCreated', zh: '带动就业人数' }, { path: 'ventures.park.name', zh: '入驻园区（农业农村）' },
      { path: 'povertyHousehold.householdNo', zh: '贫困户编号（扶贫）' }, { path: 'povertyHousehold.cause', zh: '致贫原因（扶贫）' },
      { path: 'stories.title', zh: '典型报道（团委）' }, { path: 'womenSupport.supportType', zh: '帮扶类型（妇联）' },
    ],
    defaults: ['personKey', 'name', 'gender', 'regionCode', 'category', 'stage', 'registeredOn', 'ventures.name', 'povertyHousehold.householdNo'],
  },
  {
    field: 'ventures', zh: '创业实体', filterType: 'VentureFilter',
    filters: [region, year('openedYear', '开业年度'), { name: 'operating', zh: '在营', kind: 'boolean' }, { name: 'industry', zh: '行业', kind: 'text' }],
    columns: [
      { path: 'name', zh: '企业名称' }, { path: 'industry', zh: '所属行业' }, { path: 'regionCode', zh: '县区代码' }, { path: 'openedOn', zh: '开业日期' },
      { path: 'jobsCreated', zh: '带动就业人数' }, { path: 'operating', zh: '在营' }, { path: 'closedOn', zh: '关闭日期' },
      { path: 'founder.personKey', zh: '创办人标识' }, { path: 'founder.name', zh: '创办人姓名' }, { path: 'loans.amountYuan', zh: '贷款金额（元）' },
      { path: 'park.name', zh: '入驻园区（农业农村）' }, { path: 'stories.title', zh: '典型报道（团委）' },
    ],
    defaults: ['name', 'industry', 'regionCode', 'openedOn', 'jobsCreated', 'operating', 'founder.name', 'park.name'],
  },
  {
    field: 'incubatorParks', zh: '孵化园区', filterType: 'IncubatorParkFilter',
    filters: [region, { name: 'level', zh: '园区级别', kind: 'enum', values: [['COUNTY', '县级'], ['CITY', '市级'], ['PROVINCE', '省级'], ['NATIONAL', '国家级']] }, year('openedYear', '认定年度'), { name: 'industry', zh: '主导产业', kind: 'text' }],
    columns: [
      { path: 'name', zh: '园区名称' }, { path: 'regionCode', zh: '县区代码' }, { path: 'level', zh: '园区级别' }, { path: 'openedOn', zh: '认定日期' },
      { path: 'capacity', zh: '可容纳项目数' }, { path: 'occupancy', zh: '在园项目数' }, { path: 'industries', zh: '主导产业' }, { path: 'residents.name', zh: '入驻企业（人社）' },
    ],
    defaults: ['name', 'regionCode', 'level', 'openedOn', 'capacity', 'occupancy', 'industries'],
  },
  {
    field: 'poorHouseholds', zh: '建档立卡贫困户', filterType: 'PoorHouseholdFilter',
    filters: [
      region,
      { name: 'cause', zh: '致贫原因', kind: 'enum', values: [['ILLNESS', '因病'], ['DISABILITY', '因残'], ['LACK_OF_SKILLS', '缺技术'], ['LACK_OF_CAPITAL', '缺资金'], ['LACK_OF_LABOUR', '缺劳力'], ['DISASTER', '因灾'], ['OTHER', '其他']] },
      year('registeredYear', '建档年度'), { name: 'exited', zh: '已脱贫', kind: 'boolean' }, year('exitedYear', '脱贫年度'),
    ],
    columns: [
      { path: 'householdNo', zh: '户编号' }, { path: 'regionCode', zh: '县区代码' }, { path: 'size', zh: '家庭人口' }, { path: 'cause', zh: '致贫原因' },
      { path: 'registeredYear', zh: '建档年份' }, { path: 'exited', zh: '已脱贫' }, { path: 'exitedYear', zh: '脱贫年份' },
      { path: 'perCapitaIncomeYuan', zh: '人均纯收入（元）' }, { path: 'members.personKey', zh: '受训成员标识（人社）' },
    ],
    defaults: ['householdNo', 'regionCode', 'size', 'cause', 'registeredYear', 'exited', 'perCapitaIncomeYuan'],
  },
  {
    field: 'successStories', zh: '典型报道', filterType: 'SuccessStoryFilter',
    filters: [region, { name: 'channel', zh: '发布渠道', kind: 'enum', values: [['WECHAT', '微信'], ['NEWSPAPER', '报纸'], ['TV', '电视'], ['WEBSITE', '网站']] }, year('publishedYear', '发布年度')],
    columns: [
      { path: 'title', zh: '标题' }, { path: 'summary', zh: '内容摘要' }, { path: 'protagonistName', zh: '主人公姓名' }, { path: 'regionCode', zh: '县区代码' },
      { path: 'publishedOn', zh: '发布日期' }, { path: 'channel', zh: '发布渠道' }, { path: 'venture.name', zh: '创业项目（人社）' },
    ],
    defaults: ['title', 'protagonistName', 'regionCode', 'publishedOn', 'channel', 'venture.name'],
  },
  {
    field: 'womenSupportCases', zh: '妇女帮扶案例', filterType: 'WomenSupportCaseFilter',
    filters: [
      region,
      { name: 'supportType', zh: '帮扶类型', kind: 'enum', values: [['MENTORING', '导师帮带'], ['MICRO_CREDIT_REFERRAL', '小额信贷推荐'], ['ECOMMERCE_TRAINING', '电商培训'], ['CHILDCARE', '托育支持'], ['OTHER', '其他']] },
      { name: 'outcome', zh: '结果', kind: 'enum', values: [['VENTURE_OPENED', '已创业'], ['EMPLOYED', '已就业'], ['ONGOING', '进行中'], ['WITHDRAWN', '已退出']] },
      year('openedYear', '立案年度'),
    ],
    columns: [
      { path: 'personKey', zh: '人员标识' }, { path: 'name', zh: '姓名' }, { path: 'regionCode', zh: '县区代码' }, { path: 'supportType', zh: '帮扶类型' },
      { path: 'openedOn', zh: '立案日期' }, { path: 'closedOn', zh: '结案日期' }, { path: 'outcome', zh: '结果' }, { path: 'poorPriority', zh: '建档立卡优先' },
    ],
    defaults: ['personKey', 'name', 'regionCode', 'supportType', 'openedOn', 'outcome', 'poorPriority'],
  },
];

/** Chinese labels of the API's enum values, by field name (from the filters above): the table shows these. */
export const ENUM_LABELS: Record<string, Record<string, string>> = Object.fromEntries(
  RECORD_TYPES.flatMap((t) => t.filters).filter((f) => f.values).map((f) => [f.name, Object.fromEntries(f.values!)]),
);
