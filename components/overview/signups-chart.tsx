import Link from "next/link";

const W = 720;
const H = 160;
const PAD = { top: 8, right: 8, bottom: 20, left: 36 };

/**
 * Sign-ups per day as an SVG bar chart: no chart library (none of recharts' ~100 kB, and no inline
 * styles for the CSP: colours are Tailwind classes on SVG elements). Each bar links to the users
 * created that day and names its figure on hover (<title>); the table under it says the same for
 * screen readers.
 */
export function SignupsChart({ days }: { days: { day: string; count: number }[] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(days.length, 1);
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const ticks = [0, Math.round(max / 2), max];
  return (
    <figure className="m-0">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={`Sign-ups per day, last ${days.length} days`}>
        {ticks.map((t) => {
          const y = PAD.top + innerH - (t / max) * innerH;
          return (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className="stroke-border" strokeWidth={1} />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end" className="fill-muted-foreground text-[10px]">
                {t.toLocaleString("en")}
              </text>
            </g>
          );
        })}
        {days.map((d, i) => {
          const h = (d.count / max) * innerH;
          return (
            <Link key={d.day} href={`/users?createdAfter=${d.day}&createdBefore=${nextDay(d.day)}`}>
              <rect x={PAD.left + i * step + 1} y={PAD.top + innerH - h} width={Math.max(step - 2, 1)} height={Math.max(h, d.count ? 1 : 0)} className="fill-primary hover:fill-primary/70">
                <title>{`${d.day}: ${d.count.toLocaleString("en")} sign-up${d.count === 1 ? "" : "s"}`}</title>
              </rect>
            </Link>
          );
        })}
        {[0, Math.floor(days.length / 2), days.length - 1].map((i) =>
          days[i] ? (
            <text key={i} x={PAD.left + i * step + step / 2} y={H - 4} textAnchor="middle" className="fill-muted-foreground text-[10px]">
              {days[i].day.slice(5)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="sr-only">
        {days.filter((d) => d.count > 0).map((d) => `${d.day}: ${d.count}`).join("; ") || "No sign-ups in this period."}
      </figcaption>
    </figure>
  );
}
