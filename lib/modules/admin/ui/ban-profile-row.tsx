import { Badge } from "@/components/ui/badge";
import { timeValue } from "@/components/ui/format";
import { Time } from "@/components/ui/time";
import type { ProfileRowProps } from "../../types";
import { banStatusOf } from "../ban-status";

/** The Profile card's "Ban" row: the state, the reason and when it ends (or ended). */
export default function BanProfileRow({ user, now }: ProfileRowProps) {
  const until = user.banExpires instanceof Date ? user.banExpires : null;
  const status = banStatusOf({ banned: user.banned === true, banExpires: until }, now);
  const reason = typeof user.banReason === "string" ? user.banReason : null;
  return (
    <>
      <dt>Ban</dt>
      <dd>
        {status === "active" ? (
          <span className="text-muted-foreground">Not banned</span>
        ) : (
          <>
            {status === "banned" ? <Badge tone="danger">Banned</Badge> : <Badge>Ban expired</Badge>} {reason ? `“${reason}”` : <span className="text-muted-foreground">no reason recorded</span>}
            {" · "}
            {until ? (
              <>
                {status === "expired" ? "ended" : "until"} <Time value={timeValue(until, now)} mode="absolute" />
              </>
            ) : (
              "permanent"
            )}
          </>
        )}
      </dd>
    </>
  );
}
