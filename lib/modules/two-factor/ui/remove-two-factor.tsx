import type { UserPanelProps } from "../../types";
import { hasTwoFactor } from "../queries";
import { RemoveTwoFactorButton } from "./remove-two-factor-button";

/** The two-factor module's control in "Account fixes": offered only while the user has it on. */
export default async function RemoveTwoFactor({ q, userId, email }: UserPanelProps) {
  return (await hasTwoFactor(q, userId)) ? <RemoveTwoFactorButton userId={userId} email={email} /> : null;
}
