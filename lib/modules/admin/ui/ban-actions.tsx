import { revokeNotes } from "@/components/moderation/revoke-notes";
import { getConfig } from "../../../config";
import type { UserActionProps } from "../../types";
import { userBanStatus } from "../queries";
import { BanButtons } from "./ban-buttons";

/** The admin module's actions on the user page's header: Ban, or Unban while a ban is in force. */
export default async function BanActions({ q, userId, email, now, activeSessions }: UserActionProps) {
  const status = await userBanStatus(q, userId, now);
  return <BanButtons userId={userId} email={email} banned={status === "banned"} activeSessions={activeSessions} notes={revokeNotes(getConfig())} />;
}
