import { handleAuthRequest } from "@/lib/auth/handler";

// Better Auth's handler behind an allow-list (sign-in, sign-out, get-session): lib/auth/handler.ts.
export { handleAuthRequest as GET, handleAuthRequest as POST };
