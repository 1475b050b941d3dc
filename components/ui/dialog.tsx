"use client";
import { type ReactNode, useCallback, useId } from "react";

interface DialogProps {
  title: string;
  /** Escape, the Cancel button: the parent unmounts the dialog */
  onClose: () => void;
  /** while a request runs the dialog stays open, so its result (or error) is always seen */
  busy?: boolean;
  size?: "md" | "lg";
  children: ReactNode;
}

/**
 * A modal on the native <dialog> element: the browser gives focus trapping, Escape, the top layer and
 * inert background for free. It is mounted only while open (the parent renders it conditionally), so
 * showModal() runs from the ref and close() on unmount, which returns focus to the opening button.
 */
export function Dialog({ title, onClose, busy = false, size = "md", children }: DialogProps) {
  const titleId = useId();
  // Stable, so React attaches it once: a new callback per render would close and reopen the modal.
  const ref = useCallback((el: HTMLDialogElement | null) => {
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      aria-busy={busy}
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      // Chrome may close a modal on a repeated Escape despite preventDefault: follow it.
      onClose={onClose}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
