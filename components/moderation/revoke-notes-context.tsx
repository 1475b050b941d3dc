"use client";
import { createContext, use } from "react";
import type { RevokeNotes } from "./revoke-notes";

/**
 * The revoke caveats for cells of module-scope columns, which cannot take props from the page.
 * null = this role may not revoke sessions, so no Revoke button is rendered.
 */
export const RevokeNotesContext = createContext<RevokeNotes | null>(null);
export const useRevokeNotes = () => use(RevokeNotesContext);
