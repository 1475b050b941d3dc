import type { Finding, FindingLevel } from "@/lib/users/diagnose";

const levelLabels: Record<FindingLevel, string> = { blocker: "Blocker", warning: "Warning", info: "Info", ok: "OK" };

/**
 * "Why can't this user sign in?" — the diagnosis, most serious first (diagnoseSignIn sorts it). The
 * level is written out, not only colour-coded, so it reads the same without colour.
 */
export function SignInFindings({ findings }: { findings: readonly Finding[] }) {
  const worst = findings[0]?.level ?? "ok";
  return (
    <section className={`panel findings findings-${worst}`} aria-labelledby="findings-title">
      <h2 id="findings-title">Why can’t this user sign in?</h2>
      <ul className="finding-list">
        {findings.map((f) => (
          <li key={f.code} className={`finding finding-${f.level}`}>
            <span className={`finding-level level-${f.level}`}>{levelLabels[f.level]}</span>
            <div>
              <p className="finding-title">{f.title}</p>
              <p className="finding-detail">{f.detail}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
