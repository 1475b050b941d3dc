"use client";
import { createContext, type ReactNode, startTransition as reactStartTransition, type TransitionStartFunction, use, useMemo, useTransition } from "react";

interface TableTransition {
  pending: boolean;
  startTransition: TransitionStartFunction;
}

const Context = createContext<TableTransition>({ pending: false, startTransition: reactStartTransition });

/**
 * One transition shared by a table and its toolbar: every URL change they make re-renders the server
 * page inside it, so the current rows stay on screen (dimmed, aria-busy) until the new ones arrive,
 * whichever control started the change.
 */
export function TableTransitionProvider({ children }: { children: ReactNode }) {
  const [pending, startTransition] = useTransition();
  const value = useMemo(() => ({ pending, startTransition }), [pending]); // startTransition is stable
  return (
    <Context value={value}>
      <div className="group/region" data-pending={pending ? "" : undefined} aria-busy={pending}>
        {children}
      </div>
    </Context>
  );
}

export function useTableTransition(): TableTransition {
  return use(Context);
}
