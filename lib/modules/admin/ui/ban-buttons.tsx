"use client";
import { useState } from "react";
import { buttonVariants } from "@/components/ui/button";
import type { RevokeNotes } from "@/components/moderation/revoke-notes";
import { BanUserDialog, UnbanDialog } from "./ban-user-dialog";

interface Props {
  userId: string;
  email: string;
  banned: boolean;
  activeSessions: number;
  notes: RevokeNotes;
}

/** "Ban" (reason, duration, every session ends) or, while a ban is in force, "Unban". */
export function BanButtons({ userId, email, banned, activeSessions, notes }: Props) {
  const [open, setOpen] = useState<"ban" | "unban" | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      {banned ? (
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} onClick={() => setOpen("unban")}>
          Unban
        </button>
      ) : (
        <button type="button" className={buttonVariants({ variant: "destructive-outline", size: "xs" })} onClick={() => setOpen("ban")}>
          Ban
        </button>
      )}
      {open === "ban" ? <BanUserDialog userId={userId} email={email} activeSessions={activeSessions} notes={notes} onClose={close} /> : null}
      {open === "unban" ? <UnbanDialog userId={userId} email={email} onClose={close} /> : null}
    </>
  );
}
