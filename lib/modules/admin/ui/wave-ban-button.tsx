"use client";
import { useState } from "react";
import { buttonVariants } from "@/components/ui/button";
import type { ComponentProps } from "react";
import { WaveBanDialog } from "./wave-ban-dialog";

type Props = Omit<ComponentProps<typeof WaveBanDialog>, "onClose">;

/** "Ban this wave" in the wave page's actions, and its dialog. */
export function WaveBanButton(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonVariants({ variant: "destructive-outline", size: "xs" })} onClick={() => setOpen(true)}>
        Ban this wave
      </button>
      {open ? <WaveBanDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
