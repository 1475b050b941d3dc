"use client";
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { useServerCall } from "./use-server-call";

interface ConfirmDialogProps<T> {
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  tone?: "danger" | "primary";
  /** false while a required field or a typed confirmation is missing */
  ready?: boolean;
  size?: "md" | "lg";
  children: ReactNode;
  run: () => Promise<ActionResult<T>>;
  /** after success: the parent reports the result and unmounts the dialog */
  onDone: (data: T) => void;
  onClose: () => void;
}

/**
 * Every destructive action goes through this: the body explains what will happen, the button shows
 * a pending state, a refusal appears inline (the dialog stays open to fix it), success closes it.
 */
export function ConfirmDialog<T>({ title, confirmLabel, pendingLabel, tone = "danger", ready = true, size, children, run, onDone, onClose }: ConfirmDialogProps<T>) {
  const call = useServerCall();
  return (
    <Dialog title={title} onClose={onClose} busy={call.pending} size={size} alert={tone === "danger"}>
      <form
        className="flex flex-col gap-3.5 px-5 pt-3 pb-4.5"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !call.pending) call.run(run, onDone);
        }}
      >
        {children}
        {call.error ? (
          <p role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
            {call.error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2 pt-1">
          <Button type="button" variant="outline" size="sm" onClick={onClose} disabled={call.pending}>
            Cancel
          </Button>
          <Button type="submit" variant={tone === "danger" ? "destructive" : "default"} size="sm" disabled={!ready || call.pending}>
            {call.pending ? pendingLabel : confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
