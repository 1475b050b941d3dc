import type { OrganizationRow } from "@/lib/modules/organization/queries";
import { type TimeValue, timeValue } from "../ui/format";

/** An organizations-list row for the client table: the date formatted on the server. */
export type OrganizationListItem = Omit<OrganizationRow, "createdAt"> & { createdAt: TimeValue };

export const toOrganizationListItem = (r: OrganizationRow, now: Date): OrganizationListItem => ({ ...r, createdAt: timeValue(r.createdAt, now) });
