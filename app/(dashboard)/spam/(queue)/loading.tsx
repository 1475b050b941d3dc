import { ScoringFallback } from "@/components/spam/scoring-fallback";

/**
 * First arrival and "Recompute" (which scores before rendering): the scoring message at once. In the
 * (queue) group so it does not wrap the wave pages: they decide 404 before anything streams.
 */
export default function SpamLoading() {
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <ScoringFallback header={<h1>Spam</h1>} />
    </div>
  );
}
