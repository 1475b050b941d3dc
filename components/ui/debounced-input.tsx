"use client";
import { type InputHTMLAttributes, useEffect, useRef, useState } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "defaultValue" | "onChange"> & {
  /** the committed value (from the URL) */
  value: string;
  onCommit: (value: string) => void;
  delayMs?: number;
};

/**
 * An input that commits after a pause in typing (300 ms by default). It keeps its own draft so
 * keystrokes never wait for the server, and adopts the committed value when that changes from
 * elsewhere (Clear filters, the Back button). Debouncing here rather than per URL key makes the
 * commit one URL update, so the filter and "back to the first page" always travel together.
 */
export function DebouncedInput({ value, onCommit, delayMs = 300, ...props }: Props) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  if (value !== seen) {
    // Adjusting state during render (not in an effect) avoids a frame showing the stale draft.
    setSeen(value);
    setDraft(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <input
      {...props}
      value={draft}
      onChange={(e) => {
        const next = e.target.value;
        setDraft(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => onCommit(next), delayMs);
      }}
    />
  );
}
