import { notFound } from "next/navigation";

/**
 * Any URL no page matches lands here, so its 404 (../not-found.tsx) renders inside the dashboard
 * frame (navigation, palette) instead of the bare root one. Static routes (/sign-in, /api/…) win over
 * a catch-all, so this takes nothing from them.
 */
export default function Missing(): never {
  notFound();
}
