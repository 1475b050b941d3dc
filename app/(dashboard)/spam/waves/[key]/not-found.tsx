import { WavesIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * notFound() from the wave page, with status 404, inside the dashboard layout. Wave keys say what a
 * wave is and survive recomputations, so a wave is missing because it was handled (a decision on
 * every member, and the score recomputed since) or because the link is mistyped.
 */
export default function WaveNotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-3 py-16 text-center">
      <title>Wave not found · Better Auth Admin</title>
      <WavesIcon className="size-10 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-xl font-semibold">Wave not found</h1>
      <p className="text-muted-foreground">
        The current spam score has no wave at this address. It was most likely handled: once a moderator has decided on every member, the wave
        is gone from the next scoring (recomputed every few minutes). The link may also be mistyped.
      </p>
      <Button asChild>
        <Link href="/spam">Back to the spam queue</Link>
      </Button>
    </div>
  );
}
