"use client";
import { CheckIcon } from "lucide-react";
import { useState } from "react";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandSeparator } from "../ui/command";
import { type FacetDefinition, facetValueOf } from "./facet";

interface Props {
  def: FacetDefinition;
  value: string | null;
  onPick: (value: string | null) => void;
}

/** The faceted filter's list (loaded lazily: it brings cmdk). Typing narrows it; Enter picks. */
export default function FacetedFilterList({ def, value, onPick }: Props) {
  const [term, setTerm] = useState("");
  const typed = facetValueOf(def, term);
  // A typed value no option shows ("support-lead" as a role) is offered as is, when the filter allows it.
  const custom = def.allowCustom && typed !== null && !def.options.some((o) => o.value === typed) ? typed : null;
  return (
    <Command>
      <CommandInput value={term} onValueChange={setTerm} placeholder={def.title} aria-label={`Filter by ${def.title.toLowerCase()}`} />
      <CommandList>
        <CommandEmpty>{def.allowCustom ? "Type a value." : "No such value."}</CommandEmpty>
        <CommandGroup>
          {def.options.map((o) => (
            <CommandItem key={o.value} value={o.label} keywords={[o.value]} onSelect={() => onPick(o.value === value ? null : o.value)}>
              <CheckIcon aria-hidden="true" className={o.value === value ? "opacity-100" : "opacity-0"} />
              {o.label}
            </CommandItem>
          ))}
          {custom ? (
            <CommandItem forceMount value={`custom:${custom}`} onSelect={() => onPick(custom)}>
              <CheckIcon aria-hidden="true" className="opacity-0" />
              Use “{custom}”
            </CommandItem>
          ) : null}
        </CommandGroup>
        {value ? (
          <>
            <CommandSeparator />
            <CommandGroup>
              <CommandItem forceMount value="clear-filter" onSelect={() => onPick(null)} className="justify-center">
                Clear filter
              </CommandItem>
            </CommandGroup>
          </>
        ) : null}
      </CommandList>
    </Command>
  );
}
