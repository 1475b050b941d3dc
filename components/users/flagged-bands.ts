/**
 * The `flagged` URL key of the users list: which spam band to show. Its own module (not the client
 * filter's) so the server page can read the values: a "use client" module exports only references.
 */
export const flaggedBands = ["review", "likely"] as const;
export type FlaggedBand = (typeof flaggedBands)[number];

export const isFlaggedBand = (v: string | undefined): v is FlaggedBand => flaggedBands.some((b) => b === v);
