import { NextResponse } from "next/server";

// Liveness: the process is up and serving. Touches nothing (no database, no session, no config),
// so a database outage never gets a healthy instance restarted; readiness is /api/ready.
export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
