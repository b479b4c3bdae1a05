/**
 * Word lists for plausible demo records. Everything is picked through the seeded Rng, so
 * the lists' order is part of the output: append, do not reorder.
 */
import type { Gender } from '@rg/person-key';
import { Rng, WeightedTable } from './rng';

// Common surnames, weighted roughly by frequency so 王/李/张 dominate as in real registers.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 67], ['刘', 54], ['陈', 46], ['杨', 32], ['黄', 25], ['赵', 22],
  ['吴', 21], ['周', 20], ['徐', 17], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 11],
  ['何', 10], ['高', 10], ['林', 10], ['罗', 9], ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 7],
  ['唐', 7], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6], ['彭', 5], ['曾', 5],
  ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3],
  ['任', 3], ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3],
  ['陆', 3], ['汪', 3], ['范', 3], ['金', 3], ['石', 3], ['戴', 2], ['贾', 2], ['缪', 1],
  ['顾', 2], ['孟', 2], ['薛', 2], ['殷', 1], ['季', 1], ['仇', 1], ['葛', 1], ['卞', 1],
];
const SURNAME_TABLE = new WeightedTable(SURNAMES.map(([s]) => s), SURNAMES.map(([, w]) => w));

const MALE_CHARS = '伟刚勇军强磊涛斌杰明超亮波辉鹏华建国平东海峰俊浩宇晨志文龙林成春'.split('');
const FEMALE_CHARS = '芳娟敏静丽艳霞燕玲婷雪慧红梅兰琴洁颖倩萍秀英佳怡欣月菊凤云'.split('');
const NEUTRAL_CHARS = '小晓春秋子文新永宏家天玉思雨立嘉'.split('');

export function personName(rng: Rng, gender: Gender): string {
  const chars = gender === 'MALE' ? MALE_CHARS : FEMALE_CHARS;
  const surname = SURNAME_TABLE.pick(rng);
  // About a third of given names have one character, the rest two (the first often neutral).
  if (rng.chance(0.33)) return surname + rng.pick(chars);
  return surname + (rng.chance(0.4) ? rng.pick(NEUTRAL_CHARS) : rng.pick(chars)) + rng.pick(chars);
}

const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152',
  '155', '157', '158', '159', '166', '177', '180', '181', '182', '186', '187', '188', '189', '191', '199'];

/** Mobile number: 11 digits, starting 13–19. */
export function phoneNumber(rng: Rng): string {
  return rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

export interface Industry {
  name: string;
  /** Nouns a venture in this industry calls itself by. */
  venueWords: readonly string[];
  productWords: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  { name: '农产品加工', venueWords: ['加工坊', '食品厂', '加工厂'], productWords: ['米业', '豆制品', '果蔬', '酱菜', '茶叶'] },
  { name: '农村电商', venueWords: ['电商工作室', '网店', '电商服务站'], productWords: ['土特产', '农鲜', '优品', '直供'] },
  { name: '餐饮', venueWords: ['饭店', '小吃店', '私房菜馆', '面馆'], productWords: ['农家', '老味道', '乡味', '土灶'] },
  { name: '乡村旅游', venueWords: ['农家乐', '民宿', '休闲农庄', '采摘园'], productWords: ['田园', '湖畔', '桃源', '竹林'] },
  { name: '手工艺品', venueWords: ['工艺社', '工作室', '编织坊'], productWords: ['柳编', '竹编', '刺绣', '草编', '木雕'] },
  { name: '物流快递', venueWords: ['物流站', '快递服务点', '配送中心'], productWords: ['速达', '乡运', '通达'] },
  { name: '畜禽养殖', venueWords: ['养殖场', '养殖合作社', '生态牧场'], productWords: ['生猪', '肉鸭', '土鸡', '湖羊', '肉牛'] },
  { name: '水产养殖', venueWords: ['养殖基地', '渔业合作社'], productWords: ['螃蟹', '龙虾', '鱼虾', '河蟹'] },
  { name: '特色种植', venueWords: ['家庭农场', '种植合作社', '种植基地'], productWords: ['草莓', '葡萄', '食用菌', '花卉', '蔬菜', '苗木'] },
  { name: '家政服务', venueWords: ['家政服务社', '养老服务站'], productWords: ['贴心', '安康', '邻里'] },
  { name: '汽车维修', venueWords: ['汽修店', '农机维修部'], productWords: ['顺风', '平安', '惠民'] },
  { name: '服装加工', venueWords: ['服装厂', '来料加工点'], productWords: ['针织', '制衣', '箱包'] },
];
export const INDUSTRY_NAMES: readonly string[] = INDUSTRIES.map((i) => i.name);
// E-commerce, planting and breeding dominate returnee starts; repair and garments are rarer.
export const INDUSTRY_TABLE = new WeightedTable(INDUSTRIES, [12, 14, 12, 9, 6, 7, 10, 7, 14, 4, 2, 3]);

const NAME_SUFFIXES = ['', '', '', '', '有限公司'];

/** e.g. 丰县田园采摘园, 李记土特产网店. County names lose their 县/区/市 to read naturally. */
export function ventureName(rng: Rng, industry: Industry, countyName: string, founderName: string): string {
  const place = countyName.length > 2 ? countyName.slice(0, -1) : countyName;
  const head = rng.chance(0.5) ? place : `${founderName[0]}记`;
  return head + rng.pick(industry.productWords) + rng.pick(industry.venueWords) + rng.pick(NAME_SUFFIXES);
}

export const BANKS: readonly string[] = [
  '中国农业银行', '中国邮政储蓄银行', '江苏农村商业银行', '中国建设银行', '中国工商银行',
  '中国银行', '交通银行', '江苏银行', '紫金农村商业银行', '村镇银行',
];

export const MENTOR_SPECIALITIES: readonly string[] = [
  '市场营销', '财务管理', '电子商务', '农业技术', '法律咨询', '品牌策划', '融资服务', '企业管理', '畜牧兽医', '乡村旅游',
];

export const HELP_GIVEN: readonly string[] = [
  '协助申请创业担保贷款', '指导制定经营计划', '对接电商平台', '提供技术培训', '协调场地租赁',
  '帮助办理营业执照', '宣讲社保补贴政策', '对接销售渠道', '指导财务记账', '推荐入驻孵化园',
];

export const PARK_WORDS: readonly string[] = ['返乡创业园', '返乡创业孵化基地', '农民创业示范园', '电商产业园', '众创空间'];

export const PROJECT_TEMPLATES: readonly string[] = [
  '{p}家庭农场', '{p}电商代运营', '{p}特色小吃连锁', '{p}生态养殖', '{p}手工编织来料加工',
  '{p}乡村民宿', '{p}冷链配送', '{p}设施大棚种植', '{p}农产品直播带货', '{p}农机社会化服务',
];
export const PROJECT_PRODUCTS: readonly string[] = [
  '草莓', '食用菌', '稻虾共作', '土鸡', '湖羊', '葡萄', '花卉', '茶叶', '螃蟹', '竹编', '杞柳', '芦笋',
];

export const STORY_TITLE_TEMPLATES: readonly string[] = [
  '{name}：从外出务工到{industry}带头人',
  '返乡创业的{name}：把{industry}做成家乡名片',
  '{county}青年{name}的{industry}创业路',
  '青春创富故事汇｜{name}和{pronoun}的{venture}',
  '{name}：一个人富不算富，带动{jobs}位乡亲一起干',
  '回乡，{name}在{county}扎下了根',
];

export const STORY_SUMMARY_TEMPLATES: readonly string[] = [
  '{name}参加创业培训后回到{county}，于{year}年创办{venture}，目前带动{jobs}人就业。',
  '在外务工多年的{name}返乡创业，借助创业担保贷款和导师帮扶，{venture}逐步走上正轨，吸纳{jobs}名乡亲就业。',
  '{name}瞄准{industry}市场，{year}年开办{venture}，通过电商把本地产品卖向全国，带动{jobs}人增收。',
];

/** Fills {name}, {county} … placeholders; unknown ones are left as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

export const AWARD_TITLES: readonly string[] = [
  '返乡创业之星', '农村青年致富带头人', '青年创业标兵', '巾帼创业能手', '优秀返乡创业项目',
];
