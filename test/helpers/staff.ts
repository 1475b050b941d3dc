import { hashPassword } from "better-auth/crypto";
import type { Database } from "../../lib/db/open";

export const PASSWORD = "correct horse battery";
let hashed: Promise<string> | undefined;

/** A user with an email+password account, as Better Auth would have created it. */
export async function createPasswordUser(d: Database, u: { id: string; email: string; role: string | null; banned?: boolean }) {
  hashed ??= hashPassword(PASSWORD);
  const now = new Date();
  await d.db
    .insertInto("user")
    .values({
      id: u.id, name: u.id, email: u.email, emailVerified: true, image: null, createdAt: now, updatedAt: now, role: u.role,
      ...(u.banned ? { banned: true, banReason: "test", banExpires: null } : {}),
    })
    .execute();
  await d.db
    .insertInto("account")
    .values({ id: `acc_${u.id}`, userId: u.id, providerId: "credential", accountId: u.id, password: await hashed, createdAt: now, updatedAt: now })
    .execute();
}

/** `Cookie` header value from a Set-Cookie response header. */
export function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
