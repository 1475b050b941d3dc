import { buttonVariants } from "@/components/ui/button";
import Link from "next/link";

/** notFound() from the user page: the id matches no user (deleted, or a mistyped link). */
export default function UserNotFound() {
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-col items-start gap-2.5 rounded-md border bg-card p-8">
        <h1>User not found</h1>
        <p className="text-muted-foreground">No user has this id. They may have been deleted, or the link is incomplete.</p>
        <Link href="/users" className={buttonVariants({ variant: "default", size: "sm" })}>
          Back to users
        </Link>
      </div>
    </div>
  );
}
