"use client";
import { AlertDialog as AlertDialogPrimitive, Dialog as DialogPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

interface DialogProps {
  title: string;
  /** Escape, the Cancel button: the parent unmounts the dialog */
  onClose: () => void;
  /** while a request runs the dialog stays open, so its result (or error) is always seen */
  busy?: boolean;
  size?: "md" | "lg";
  /** a destructive confirmation: Radix's AlertDialog (role=alertdialog, no close on an outside click) */
  alert?: boolean;
  children: ReactNode;
}

const overlay = "fixed inset-0 z-50 bg-black/50";
const content = "fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-3rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-y-auto rounded-lg border bg-card text-start whitespace-normal text-card-foreground shadow-lg";
const titleClass = "px-5 pt-4 text-base font-semibold [overflow-wrap:anywhere]";

/**
 * A modal on Radix Dialog / AlertDialog (focus trap, Escape, inert background, focus returned to
 * the opener). The parent mounts it only while open, so it is always `open` here; closing asks the
 * parent to unmount it, and is refused while a request runs.
 */
export function Dialog({ title, onClose, busy = false, size = "md", alert = false, children }: DialogProps) {
  const onOpenChange = (open: boolean) => {
    if (!open && !busy) onClose();
  };
  const width = size === "lg" ? "max-w-3xl" : "max-w-lg";
  if (alert) {
    return (
      <AlertDialogPrimitive.Root open onOpenChange={onOpenChange}>
        <AlertDialogPrimitive.Portal>
          <AlertDialogPrimitive.Overlay className={overlay} />
          <AlertDialogPrimitive.Content aria-describedby={undefined} aria-busy={busy} className={cn(content, width)}>
            <AlertDialogPrimitive.Title className={titleClass}>{title}</AlertDialogPrimitive.Title>
            {children}
          </AlertDialogPrimitive.Content>
        </AlertDialogPrimitive.Portal>
      </AlertDialogPrimitive.Root>
    );
  }
  return (
    <DialogPrimitive.Root open onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlay} />
        <DialogPrimitive.Content aria-describedby={undefined} aria-busy={busy} className={cn(content, width)}>
          <DialogPrimitive.Title className={titleClass}>{title}</DialogPrimitive.Title>
          {children}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
