import { revokeNotes } from "@/components/moderation/revoke-notes";
import { getConfig } from "../../../config";
import type { WaveActionProps } from "../../types";
import { bannedReviewExit } from "../review";
import { WaveBanButton } from "./wave-ban-button";

/**
 * The admin module's decision on a wave (its ReviewExit's `waveAction`): ban the open members through
 * the users list's previewed bulk ban, the reason prefilled with the wave.
 */
export default function WaveBanAction({ label, memberIds, checklist }: WaveActionProps) {
  const alreadyBanned = checklist.filter((m) => m.out.some((s) => s.reason === bannedReviewExit.reason)).map((m) => m.id);
  return <WaveBanButton label={label} memberIds={memberIds} checklist={checklist} alreadyBanned={alreadyBanned} notes={revokeNotes(getConfig())} />;
}
