import { reviewExits } from "../modules";

/**
 * A scored account's "out of review" states (lib/modules types.ts ReviewExit, e.g. a ban in force)
 * as bits: a state's bit is its position among the registered ones (lib/modules/index.ts
 * `reviewExits`, at most 7), so a result and a patch agree whatever the database.
 */
export const outBit = (reason: string): number => {
  const i = reviewExits.findIndex((e) => e.reason === reason);
  return i < 0 ? 0 : 1 << i;
};
/** The states' ids of a mask, in registration order. */
export const outReasons = (mask: number): string[] => (mask ? reviewExits.flatMap((e, i) => (mask & (1 << i) ? [e.reason] : [])) : []);
export const outMask = (reasons: readonly string[]): number => reasons.reduce((m, r) => m | outBit(r), 0);
