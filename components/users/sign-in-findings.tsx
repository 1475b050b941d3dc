import type { Finding, FindingLevel } from "@/lib/users/diagnose";

const levelLabels: Record<FindingLevel, string> = { blocker: "Blocker", warning: "Warning", info: "Info", ok: "OK" };
// The level is a word and a colour; the panel's edge shows the worst.
const levelColours: Record<FindingLevel, string> = {
  blocker: "bg-danger-bg text-danger-fg",
  warning: "bg-warning-bg text-warning-fg",
  info: "bg-secondary text-secondary-foreground",
  ok: "bg-success-bg text-success-fg",
};
const edges: Record<FindingLevel, string> = { blocker: "border-l-danger-fg", warning: "border-l-warning-fg", info: "border-l-input", ok: "border-l-success-fg" };

/**
 * "Why can't this user sign in?" — the diagnosis, most serious first (diagnoseSignIn sorts it). The
 * level is written out, not only colour-coded, so it reads the same without colour.
 */
export function SignInFindings({ findings }: { findings: readonly Finding[] }) {
  const worst = findings[0]?.level ?? "ok";
  return (
    <section className={`flex min-w-0 flex-col gap-3 rounded-md border border-l-4 bg-card p-4 shadow-xs ${edges[worst]}`} aria-labelledby="findings-title">
      <h2 id="findings-title">Why can’t this user sign in?</h2>
      <ul className="m-0 flex list-none flex-col gap-2.5 p-0">
        {findings.map((f) => (
          <li key={f.code} className="grid grid-cols-[72px_1fr] items-start gap-3">
            <span className={`inline-flex justify-center rounded-sm py-0.5 text-xs font-semibold ${levelColours[f.level]}`}>{levelLabels[f.level]}</span>
            <div>
              <p className="font-semibold">{f.title}</p>
              <p className="mt-0.5 text-muted-foreground">{f.detail}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
