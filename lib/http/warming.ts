/**
 * Whether this instance is still warming up over HTTP (lib/warm-up.ts, step 2). While it is, the
 * readiness probe answers 503 "warming", so a load balancer keeps staff on warm instances: a visit
 * during those seconds pays the cold render the warm-up exists to take (0.5–2.6 s at 1M users,
 * docs/bench/overview-1m.md). Bounded (WARMING_MAX_MS): a warm-up that hangs must not keep an
 * instance out of rotation. On globalThis: instrumentation and the ready route are separate bundles.
 */
const g = globalThis as unknown as { __baAdminWarmingUntil?: number };

/** The longest an instance reports "warming" after its warm-up began over HTTP. */
export const WARMING_MAX_MS = 20_000;

export function warmingBegan(now = Date.now()): void {
  g.__baAdminWarmingUntil = now + WARMING_MAX_MS;
}

export function warmingEnded(): void {
  g.__baAdminWarmingUntil = undefined;
}

export function isWarming(now = Date.now()): boolean {
  return g.__baAdminWarmingUntil !== undefined && now < g.__baAdminWarmingUntil;
}
