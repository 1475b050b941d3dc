"use server";
import type * as z from "zod";
import { runAction } from "../actions/safe-action";
import { unclearSpamSpec } from "./actions";

/** Undo "not spam": the accounts are back in the review queue (spam.review). */
export async function unclearSpamAction(input: z.input<typeof unclearSpamSpec.input>) {
  return runAction(unclearSpamSpec, input);
}
