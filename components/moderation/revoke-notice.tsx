import { cookieCacheSentence, type RevokeNotes } from "./revoke-notes";

/**
 * The caveats of ending sessions, shown in every revoke and ban confirmation: a signed cookie cache
 * keeps a revoked user signed in until it expires; sessions held in Redis are removed as well.
 */
export function RevokeNotice({ notes }: { notes: RevokeNotes }) {
  if (!notes.cacheMinutes && !notes.redis) return null;
  return (
    <div className="flex flex-col gap-1.5 rounded-md bg-muted px-3 py-2.5 text-[13px]">
      {notes.cacheMinutes ? <p className="font-medium text-warning-fg">{cookieCacheSentence(notes.cacheMinutes)}</p> : null}
      {notes.redis ? <p className="text-muted-foreground">Sessions in the app’s Redis session store are removed too.</p> : null}
    </div>
  );
}
