"use server";
import type * as z from "zod";
import { runAction } from "../actions/safe-action";
import { clearSpamSpec } from "./actions";

/** Mark accounts as not spam (spam.review). */
export async function clearSpamAction(input: z.input<typeof clearSpamSpec.input>) {
  return runAction(clearSpamSpec, input);
}
