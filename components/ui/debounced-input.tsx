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
  // The draft remembers the committed value it was typed over. When the committed value changes
  // (the user's own commit, Clear filters, Back), the draft no longer applies and the input shows
  // that value: derived during render, so no frame shows a stale draft and no state is set in render.
  const [draft, setDraft] = useState<{ text: string; over: string } | null>(null);
  const shown = draft && draft.over === value ? draft.text : value;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <input
      {...props}
      value={shown}
      onChange={(e) => {
        const next = e.target.value;
        setDraft({ text: next, over: value });
        clearTimeout(timer.current);
        timer.current = setTimeout(() => onCommit(next), delayMs);
      }}
    />
  );
}
