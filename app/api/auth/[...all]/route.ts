import { getAuth } from "@/lib/auth";

// Better Auth's handler (sign-in, sign-out, get-session). The instance is created on first use.
const handle = async (req: Request) => (await getAuth()).handler(req);
export { handle as GET, handle as POST };
