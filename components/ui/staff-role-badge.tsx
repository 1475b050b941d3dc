import type { StaffRole } from "@/lib/auth/roles";
import { Badge, type BadgeTone } from "./badge";

const tones = { support: "info", moderator: "warning", admin: "accent" } as const satisfies Record<StaffRole, BadgeTone>;

/** The signed-in staff member's dashboard role (not their role in the app). */
export function StaffRoleBadge({ role }: { role: StaffRole }) {
  return <Badge tone={tones[role]}>{role}</Badge>;
}
