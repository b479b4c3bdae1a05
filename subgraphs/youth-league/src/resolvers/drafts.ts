import { ownerOnly } from '@rg/access';
import type { SuccessStory } from '../entities';
import type { YouthLeagueContext } from './context';

/**
 * A draft is youth-league's work in progress: its own staff and admins see it, anyone else
 * meets it as if it did not exist (lists without includeDrafts, null by id or reference).
 */
const DRAFT_READERS = ownerOnly('youth-league');

export function seesDrafts(ctx: YouthLeagueContext): boolean {
  return DRAFT_READERS.includes(ctx.viewer.role);
}

export async function visibleStory(
  ctx: YouthLeagueContext, story: Promise<SuccessStory | null>,
): Promise<SuccessStory | null> {
  const found = await story;
  return found && (found.publishedOn !== null || seesDrafts(ctx)) ? found : null;
}
