import { In } from 'typeorm';
import type { ImportRecordType } from '@rg/record-import';
import { StoryChannel, SuccessStory } from '../entities';
import { PublishStoryInput, publishStory } from '../resolvers/publicity-mutations.resolver';
import { personKeyFromRow } from './person';

const CHANNEL_LABELS: Record<string, string> = {
  微信公众号: StoryChannel.WECHAT, 报纸: StoryChannel.NEWSPAPER, 电视: StoryChannel.TV, 网站: StoryChannel.WEBSITE,
};

const keyOf = (personKey: string, title: string) => `${personKey}|${title}`;

/**
 * Published success stories (青春创富故事汇). A story is its protagonist and its title; the day
 * it ran is required in a file, where the mutation would take today.
 */
export const storyImport: ImportRecordType<PublishStoryInput, SuccessStory> = {
  name: 'stories',
  recordType: 'SuccessStory',
  columns: [
    { field: 'title', header: '标题', required: true },
    { field: 'summary', header: '内容摘要', required: true },
    { field: 'citizenId', header: '主人公身份证号', derived: true },
    { field: 'personKey', header: '人员标识', derived: true },
    { field: 'protagonistName', header: '主人公姓名', required: true },
    { field: 'ventureId', header: '创业项目编号', required: true },
    { field: 'regionCode', header: '所属县区代码', required: true },
    { field: 'channel', header: '发布渠道', kind: 'enum', labels: CHANNEL_LABELS, required: true },
    { field: 'publishedOn', header: '发布日期', kind: 'date', required: true },
  ],
  inputClass: PublishStoryInput,
  columnOf: { protagonistPersonKey: 'citizenId' },
  async toInput(values) {
    return Object.assign(new PublishStoryInput(), {
      title: values.title, summary: values.summary, protagonistPersonKey: personKeyFromRow(values, 'citizenId', 'personKey'),
      protagonistName: values.protagonistName, ventureId: values.ventureId, regionCode: values.regionCode,
      channel: values.channel, publishedOn: values.publishedOn,
    });
  },
  naturalKey: (input) => keyOf(input.protagonistPersonKey, input.title.trim()),
  async findExisting(tx, inputs) {
    const found = await tx.getRepository(SuccessStory).findBy({ protagonistPersonKey: In(inputs.map((i) => i.protagonistPersonKey)) });
    return new Map(found.map((s) => [keyOf(s.protagonistPersonKey, s.title), s]));
  },
  differs(existing, input) {
    if (existing.summary !== input.summary.trim()) return 'summary';
    if (String(existing.ventureId) !== input.ventureId) return 'ventureId';
    if (existing.channel !== input.channel) return 'channel';
    if (existing.publishedOn !== input.publishedOn) return 'publishedOn';
    return null;
  },
  write: publishStory,
};
