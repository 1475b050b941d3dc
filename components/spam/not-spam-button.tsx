"use client";
import { buttonVariants } from "@/components/ui/button";
import { useState } from "react";
import { ClearSpamDialog } from "./clear-spam-dialog";

/** "Not spam" for one account (queue rows, the user page); the dialog is mounted only while open. */
export function NotSpamButton({ userId, email }: { userId: string; email: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} aria-label={`Not spam: ${email}`} onClick={() => setOpen(true)}>
        Not spam
      </button>
      {open ? <ClearSpamDialog userIds={[userId]} subject={email} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
