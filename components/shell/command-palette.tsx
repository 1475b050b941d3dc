"use client";
import { SearchIcon } from "lucide-react";
import { lazy, Suspense, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

export interface PaletteLink {
  label: string;
  href: string;
}

// cmdk and the palette's code load on the first Ctrl/⌘+K or click, not with every page (~61 KB gzip).
const CommandPaletteDialog = lazy(() => import("./command-palette-dialog"));

/**
 * The palette's button and its Ctrl/⌘+K shortcut. The dialog mounts on the first opening and stays
 * mounted afterwards (closed), so a second opening is instant and keeps nothing stale: it clears
 * its term when a choice is made.
 */
export function CommandPalette({ pages, actions }: { pages: PaletteLink[]; actions: PaletteLink[] }) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === "k" && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        setWanted(true);
        setOpen((o) => !o);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <Button
        variant="outline"
        size="sm"
        className="text-muted-foreground"
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        // Hovering or focusing the button starts the download, so a click rarely waits for it.
        onPointerEnter={() => void import("./command-palette-dialog")}
        onFocus={() => void import("./command-palette-dialog")}
        aria-keyshortcuts="Control+K Meta+K"
      >
        <SearchIcon />
        <span className="hidden sm:inline">Search…</span>
        <kbd className="hidden rounded border bg-muted px-1 font-mono text-[10px] sm:inline">Ctrl K</kbd>
      </Button>
      {wanted ? (
        <Suspense fallback={null}>
          <CommandPaletteDialog pages={pages} actions={actions} open={open} setOpen={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
