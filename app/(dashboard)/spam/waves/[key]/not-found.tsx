import { buttonVariants } from "@/components/ui/button";
import Link from "next/link";

/** notFound() from the wave page: wave keys belong to one scoring, which is redone every few minutes. */
export default function WaveNotFound() {
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-col items-start gap-2.5 rounded-md border bg-card p-8">
        <h1>Wave not found</h1>
        <p className="text-muted-foreground">
          No wave has this key in the current result. Spam scores are recomputed every few minutes and a wave’s key can change with its members (or
          the wave may have been handled); open the current list of waves.
        </p>
        <Link href="/spam" className={buttonVariants({ variant: "default", size: "sm" })}>
          Back to spam review
        </Link>
      </div>
    </div>
  );
}
