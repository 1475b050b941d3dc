import { tableClass } from "@/components/ui/table";
import { buttonVariants } from "@/components/ui/button";
import Link from "next/link";
import type { ReviewState } from "@/lib/modules";
import { Badge } from "../ui/badge";
import type { TimeValue } from "../ui/format";
import { Time } from "../ui/time";
import { SpamScore } from "./spam-score";
import type { SpamScoreData } from "./spam-score-data";

export interface WaveMember {
  id: string;
  /** null: deleted since the scoring */
  email: string | null;
  name: string;
  /** the score, its reasons and age, as the queue shows them */
  spam: SpamScoreData;
  createdAt: TimeValue | null;
  /** the "out of review" states it is in now (their badges) */
  out: readonly ReviewState[];
  cleared: boolean;
}

interface Props {
  members: WaveMember[];
  /** 1-based page of WAVE_PAGE_SIZE members, highest score first */
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  /** the wave page's own URL, to which ?page= is added */
  href: string;
}

/** Every member of a wave with all its reasons: what a moderator checks before banning them together. */
export function WaveMembersTable({ members, page, pageCount, total, pageSize, href }: Props) {
  const from = (page - 1) * pageSize + 1;
  return (
    <div className="rounded-md border bg-card shadow-xs transition-opacity group-data-[pending]/region:cursor-progress group-data-[pending]/region:opacity-55 group-data-[pending]/region:delay-150 motion-reduce:transition-none">
      <div className="overflow-x-auto">
        <table className={tableClass} aria-label="Wave members">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Score and why</th>
              <th scope="col">Signed up</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td className="align-top">
                  <Link href={`/users/${encodeURIComponent(m.id)}`} className="flex min-w-[140px] flex-col text-[13px]">
                    <span>{m.email ?? <span className="text-muted-foreground">(deleted user)</span>}</span>
                    {m.name ? <span className="text-muted-foreground">{m.name}</span> : null}
                  </Link>
                </td>
                <td className="align-top min-w-[320px] max-w-[560px] max-md:min-w-[240px]">
                  <SpamScore value={m.spam} top={3} />
                </td>
                <td className="whitespace-nowrap align-top">
                  <Time value={m.createdAt} mode="absolute" />
                </td>
                <td className="align-top">
                  <span className="inline-flex flex-wrap gap-1 align-middle">
                    {m.out.map((s) => (
                      <Badge key={s.reason} tone="danger">
                        {s.label}
                      </Badge>
                    ))}
                    {m.cleared ? <Badge tone="success">Not spam</Badge> : null}
                    {!m.out.length && !m.cleared ? <span className="text-muted-foreground">Open</span> : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="flex flex-wrap items-center justify-between gap-3 border-t px-3 py-2 text-[13px]" aria-label="Members pages">
        <span className="text-muted-foreground">
          Members {from}–{from + members.length - 1} of {total}
        </span>
        {pageCount > 1 ? (
          <div className="flex items-center gap-2">
            {page > 1 ? (
              <Link className={buttonVariants({ variant: "outline", size: "xs" })} href={page === 2 ? href : pageHref(href, page - 1)}>
                Previous
              </Link>
            ) : null}
            {page < pageCount ? (
              <Link className={buttonVariants({ variant: "outline", size: "xs" })} href={pageHref(href, page + 1)}>
                Next
              </Link>
            ) : null}
          </div>
        ) : null}
      </nav>
    </div>
  );
}

/** `href` may already carry the scored window (?since=90d). */
const pageHref = (href: string, page: number) => `${href}${href.includes("?") ? "&" : "?"}page=${page}`;
