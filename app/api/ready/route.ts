import { NextResponse } from "next/server";
import { getReadiness } from "@/lib/http/ready-route";

// Readiness for load balancers: 200 when this instance can serve, 503 naming the failing check
// otherwise. No session needed; the body holds check names and fixed reasons only (lib/http/readiness.ts).
export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, checks, shuttingDown, warming } = await getReadiness();
  const status = ready ? "ready" : shuttingDown ? "shutting_down" : warming ? "warming" : "unavailable";
  return NextResponse.json(shuttingDown ? { status } : { status, checks }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
