import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { landingPath } from "@/lib/auth/landing";
import { checkStaff } from "@/lib/auth/staff";

/** `/` is no page of its own: the staff member's landing page (lib/auth/landing.ts), or sign-in. */
export default async function Home() {
  const check = await checkStaff(await headers());
  if (check.kind === "anonymous") redirect("/sign-in");
  if (check.kind === "not-staff") redirect("/not-authorized");
  redirect(landingPath(check.staff.role));
}
