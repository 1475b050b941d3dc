"use client";
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
 * The result of the last action ("Banned; 3 sessions revoked"), held by the dashboard layout rather
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

export const useNotify = () => use(NoticeContext).notify;

/** Where the notice shows. The live region is always in the DOM so screen readers announce changes. */
export function NoticeArea() {
  const { notice, dismiss } = use(NoticeContext);
  const pathname = usePathname();
  const shown = notice && notice.path === pathname ? notice : null;
  return (
    <div role="status" aria-live="polite" className="notice-area">
      {shown ? (
        <div key={shown.id} className={`alert alert-${shown.tone} notice`}>
          <p>{shown.text}</p>
          <button type="button" className="btn btn-sm btn-ghost" onClick={dismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
