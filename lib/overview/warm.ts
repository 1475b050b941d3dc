import { getReadDatabase } from "../db";
import { warmOverview } from "./cache";

/**
 * The overview's figures read once at server start (instrumentation.ts), in the background, on the
 * database a staff visit reads (the replica when there is one): the first visit after a deploy is
 * then served from memory instead of waiting for seconds of counting at 1M users.
 */
export function warmOverviewAtStart(): Promise<void> {
  return warmOverview(() => getReadDatabase(new Headers()));
}
