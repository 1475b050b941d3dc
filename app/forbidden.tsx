import { buttonVariants } from "@/components/ui/button";
import Link from "next/link";

/** forbidden() from requireStaff(permission): a staff member whose role lacks this permission. */
export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <title>Forbidden · Better Auth Admin</title>
      <div className="flex w-full max-w-[400px] flex-col gap-3.5 rounded-lg border bg-card p-7 shadow-xs">
        <p className="text-xs font-semibold tracking-[0.06em] text-muted-foreground uppercase">403</p>
        <h1>Not allowed</h1>
        <p>Your staff role does not include this page or action. An admin can give you a higher role.</p>
        <Link href="/users" className={buttonVariants({ variant: "default", size: "sm" })}>
          Back to users
        </Link>
      </div>
    </main>
  );
}
