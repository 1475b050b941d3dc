"use client";
import { buttonVariants } from "@/components/ui/button";
import { usePathname } from "next/navigation";
import { createContext, type ReactNode, use, useState } from "react";

interface Notice {
  id: number;
  text: string;
  tone: "success" | "error";
  /** the page it belongs to: it disappears when staff move on, and can be aimed at the next page */
  path: string;
}
type Notify = (text: string, opts?: { tone?: Notice["tone"]; path?: string }) => void;

const NoticeContext = createContext<{ notice: Notice | null; notify: Notify; dismiss: () => void }>({
  notice: null,
  notify: () => {},
  dismiss: () => {},
});

/**
 * The result of the last action ("Signed out everywhere; 3 sessions revoked"), held by the dashboard layout rather
 * than by the component that ran the action: that component (a session's row, a deleted user's page)
 * may be gone once the revalidated page arrives.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify: Notify = (text, opts = {}) =>
    setNotice((prev) => ({ id: (prev?.id ?? 0) + 1, text, tone: opts.tone ?? "success", path: opts.path ?? pathname }));
  return <NoticeContext value={{ notice, notify, dismiss: () => setNotice(null) }}>{children}</NoticeContext>;
}

const noticeTones = {
  success: "border-success-fg/30 border-l-success-fg bg-success-bg text-success-fg",
  error: "border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg",
} as const;

export const useNotify = () => use(NoticeContext).notify;

/** Where the notice shows. The live region is always in the DOM so screen readers announce changes. */
export function NoticeArea() {
  const { notice, dismiss } = use(NoticeContext);
  const pathname = usePathname();
  const shown = notice && notice.path === pathname ? notice : null;
  return (
    <div role="status" aria-live="polite" className="mb-4 empty:hidden">
      {shown ? (
        // "notice" names it for the browser tests (no CSS of its own).
        <div key={shown.id} className={`notice flex items-center justify-between gap-2.5 rounded-md border border-l-4 px-3.5 py-3 ${noticeTones[shown.tone]}`}>
          <p>{shown.text}</p>
          <button type="button" className={buttonVariants({ variant: "ghost", size: "xs" })} onClick={dismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
