import { Fragment } from "react";

/**
 * An address as stored (exact text, since filters match it exactly). An IPv6 address may wrap only
 * after a colon, so a narrow column never splits a group of hex digits.
 */
export function IpAddress({ value }: { value: string | null }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  const groups = value.split(":");
  return (
    <code className="wrap-normal">
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an address's groups are identified by their position
        <Fragment key={i}>
          {g}
          {i < groups.length - 1 ? (
            <>
              :<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </code>
  );
}
