import { FileQuestionIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The dashboard's own 404, inside its layout, with a way back. */
export default function DashboardNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <title>Not found · Better Auth Admin</title>
      <FileQuestionIcon className="size-10 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-muted-foreground">Nothing lives at this address. The link may be mistyped, or the page was moved. Ctrl+K searches users and pages.</p>
      <Button asChild>
        <Link href="/users">Back to users</Link>
      </Button>
    </div>
  );
}
