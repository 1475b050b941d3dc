import type { UserSort } from "@/lib/users/search-params";

/** Every sort the server offers, named for the toolbar's menu (headers toggle the same keys). */
export const userSortOptions = [
  { value: "-createdAt", label: "Newest first" },
  { value: "createdAt", label: "Oldest first" },
  { value: "email", label: "Email A–Z" },
  { value: "-email", label: "Email Z–A" },
  { value: "name", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "-lastActiveAt", label: "Recently active" },
  { value: "lastActiveAt", label: "Least recently active" },
] as const satisfies readonly { value: UserSort; label: string }[];
