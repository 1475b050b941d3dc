import Link from "next/link";
import type { Reason } from "@/lib/spam/types";
import { Badge } from "../ui/badge";
import type { TimeValue } from "../ui/format";
import { Time } from "../ui/time";
import { ReasonList } from "./reason-list";
import { ScoreBadge } from "./score-badge";
import type { Band } from "./spam-format";

export interface WaveMember {
  id: string;
  /** null: deleted since the scoring */
  email: string | null;
  name: string;
  score: number;
  band: Band;
  reasons: Reason[];
  createdAt: TimeValue | null;
  banned: boolean;
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
    <div className="data-table">
      <div className="table-scroll">
        <table className="table" aria-label="Wave members">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Score</th>
              <th scope="col">Reasons</th>
              <th scope="col">Signed up</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td className="top">
                  <Link href={`/users/${encodeURIComponent(m.id)}`} className="cell-stack">
                    <span>{m.email ?? <span className="muted">(deleted user)</span>}</span>
                    {m.name ? <span className="muted">{m.name}</span> : null}
                  </Link>
                </td>
                <td className="nowrap top">
                  <ScoreBadge score={m.score} band={m.band} />
                </td>
                <td className="top reasons-cell">
                  <ReasonList reasons={m.reasons} />
                </td>
                <td className="nowrap top">
                  <Time value={m.createdAt} mode="absolute" />
                </td>
                <td className="top">
                  <span className="badge-list">
                    {m.banned ? <Badge tone="danger">Banned</Badge> : null}
                    {m.cleared ? <Badge tone="success">Not spam</Badge> : null}
                    {!m.banned && !m.cleared ? <span className="muted">Open</span> : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Members pages">
        <span className="muted">
          Members {from}–{from + members.length - 1} of {total}
        </span>
        {pageCount > 1 ? (
          <div className="pager-controls">
            {page > 1 ? (
              <Link className="btn btn-sm" href={page === 2 ? href : `${href}?page=${page - 1}`}>
                Previous
              </Link>
            ) : null}
            {page < pageCount ? (
              <Link className="btn btn-sm" href={`${href}?page=${page + 1}`}>
                Next
              </Link>
            ) : null}
          </div>
        ) : null}
      </nav>
    </div>
  );
}
