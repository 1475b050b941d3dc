import { verifyPassword } from "better-auth/crypto";

/** Better Auth's default hash: `<salt hex>:<scrypt key hex>`. */
const SCRYPT_HASH = /^[0-9a-f]+:[0-9a-f]+$/i;

/**
 * Staff sign-in's password check. Better Auth's default throws on a stored hash that is not its own
 * scrypt format (an app with custom hashing, an imported user), which answered the sign-in with a
 * 500. Such an account cannot be verified here: it is a failed sign-in (401), and the log says why.
 */
export async function verifyStaffPassword({ hash, password }: { hash: string; password: string }): Promise<boolean> {
  if (!SCRYPT_HASH.test(hash)) {
    console.warn("sign-in refused: the account's password hash is not Better Auth's scrypt format, which the dashboard verifies");
    return false;
  }
  return verifyPassword({ hash, password });
}
