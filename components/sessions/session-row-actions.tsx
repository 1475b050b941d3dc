"use client";
import { MoreHorizontalIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useRevokeNotes } from "../moderation/revoke-notes-context";
import { RevokeSessionDialog } from "../moderation/revoke-session-button";
import { Button } from "../ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "../ui/dropdown-menu";
import type { SessionListItem } from "./session-list-item";

/**
 * A session row's "⋯" menu: open its user, narrow the list to its IP, and (for roles that may)
 * revoke it through the confirmation dialog. The revoke permission arrives as the notes context.
 */
export function SessionRowActions({ session }: { session: SessionListItem }) {
  const notes = useRevokeNotes();
  const [revoking, setRevoking] = useState(false);
  const label = `${session.userEmail} · ${session.ipAddress ?? "unknown IP"}`;
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for session ${label}`}>
            <MoreHorizontalIcon />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-52">
          <DropdownMenuItem asChild>
            <Link href={`/users/${encodeURIComponent(session.userId)}`}>Open user</Link>
          </DropdownMenuItem>
          {session.ipAddress ? (
            <DropdownMenuItem asChild>
              <Link href={`/sessions?ip=${encodeURIComponent(session.ipAddress)}`}>Sessions from this IP</Link>
            </DropdownMenuItem>
          ) : null}
          {notes ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" onSelect={() => setRevoking(true)}>
                Revoke session…
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {revoking && notes ? <RevokeSessionDialog sessionId={session.id} userId={session.userId} label={label} notes={notes} onClose={() => setRevoking(false)} /> : null}
    </>
  );
}
