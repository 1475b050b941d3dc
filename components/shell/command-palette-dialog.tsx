"use client";
import { ArrowRightIcon, UserIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { CommandDialog, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { withBasePath } from "@/lib/base-path.mjs";
import type { PaletteLink } from "./command-palette";

interface FoundUser {
  id: string;
  name: string;
  email: string;
}

/**
 * The palette itself, loaded on its first opening (it brings cmdk): find a user (by email, name or
 * id, through GET /api/v1/users?q= with the staff session), a page, or an action the signed-in role
 * may take. Pages and actions come from the server layout, already filtered by role; the API checks
 * the permission again.
 */
export default function CommandPaletteDialog({ pages, actions, open, setOpen }: { pages: PaletteLink[]; actions: PaletteLink[]; open: boolean; setOpen: (open: boolean) => void }) {
  const router = useRouter();
  const [term, setTerm] = useState("");
  const [users, setUsers] = useState<FoundUser[]>([]);
  const [error, setError] = useState<string | null>(null);

  // Debounced search; a newer term aborts the older request, so results never arrive out of order.
  const query = term.trim();
  useEffect(() => {
    if (!open || query.length < 2) return;
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(withBasePath(`/api/v1/users?q=${encodeURIComponent(query)}&limit=8`), { signal: ctrl.signal });
        if (!res.ok) throw new Error(`search failed (${res.status})`);
        const body = (await res.json()) as { data: FoundUser[] };
        setUsers(body.data);
        setError(null);
      } catch (err) {
        if (!ctrl.signal.aborted) setError(err instanceof Error ? err.message : String(err));
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [open, query]);

  const go = (href: string) => {
    setOpen(false);
    setTerm("");
    router.push(href);
  };
  const lower = query.toLowerCase();
  const matches = (l: PaletteLink) => l.label.toLowerCase().includes(lower);
  const shownUsers = query.length >= 2 ? users : [];

  return (
      <CommandDialog title="Command palette" open={open} onOpenChange={setOpen} shouldFilter={false}>
        <CommandInput value={term} onValueChange={setTerm} placeholder="Find a user by email, name or id; a page; an action…" aria-label="Search users, pages and actions" />
        <CommandList>
          <CommandEmpty>{error ?? (query.length < 2 ? "Type at least two characters to find users." : "Nothing found.")}</CommandEmpty>
          {shownUsers.length > 0 ? (
            <CommandGroup heading="Users">
              {shownUsers.map((u) => (
                <CommandItem key={u.id} value={`user:${u.id}`} onSelect={() => go(`/users/${encodeURIComponent(u.id)}`)}>
                  <UserIcon />
                  <span className="inline-block max-w-[28ch] truncate align-bottom">{u.email}</span>
                  <span className="truncate text-muted-foreground">{u.name}</span>
                </CommandItem>
              ))}
            </CommandGroup>
          ) : null}
          {/^[\w-]{8,}$/.test(query) ? (
            <CommandGroup heading="By id">
              <CommandItem value={`id:${query}`} onSelect={() => go(`/users/${encodeURIComponent(query)}`)}>
                <ArrowRightIcon /> Open user {query}
              </CommandItem>
            </CommandGroup>
          ) : null}
          {pages.some(matches) ? (
            <CommandGroup heading="Pages">
              {pages.filter(matches).map((p) => (
                <CommandItem key={p.href} value={`page:${p.href}`} onSelect={() => go(p.href)}>
                  <ArrowRightIcon /> {p.label}
                </CommandItem>
              ))}
            </CommandGroup>
          ) : null}
          {actions.some(matches) ? (
            <CommandGroup heading="Actions">
              {actions.filter(matches).map((a) => (
                <CommandItem key={a.href} value={`action:${a.href}`} onSelect={() => go(a.href)}>
                  <ArrowRightIcon /> {a.label}
                </CommandItem>
              ))}
            </CommandGroup>
          ) : null}
        </CommandList>
      </CommandDialog>
  );
}
