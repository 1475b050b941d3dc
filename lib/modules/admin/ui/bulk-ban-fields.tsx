"use client";
import { useEffect, useState } from "react";
import { BanFields, banInputOf, emptyBan } from "@/components/moderation/ban-fields";
import type { BulkFieldsProps } from "../../client-types";

/**
 * The bulk ban's part of the core's bulk dialog: the reason and length of the ban, and what it ends.
 * Reports the action's ban fields (null until a reason is given).
 */
export default function BulkBanFields({ onInput }: BulkFieldsProps) {
  const [ban, setBan] = useState(emptyBan);
  useEffect(() => onInput(banInputOf(ban)), [ban, onInput]);
  return (
    <>
      <BanFields values={ban} onChange={setBan} />
      <p>Every session of the banned users ends now.</p>
    </>
  );
}
