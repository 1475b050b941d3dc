import { AppError } from "../errors";

/**
 * Caps how many expensive queries (substring searches without an index, counts, last-activity sort)
 * run at once, so a burst of them cannot take every pooled connection: the rest of the pool stays
 * free for the cheap, indexed requests of everyone else. Waiters give up after `queueTimeoutMs`
 * with a 503 that says why.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly max: number,
    private readonly queueTimeoutMs = 10_000,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await this.wait();
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private wait(): Promise<void> {
    return new Promise((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(go);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new AppError("timeout", "Too many slow searches are running; try again in a moment (an index would make them fast: npm run doctor)."));
      }, this.queueTimeoutMs);
      this.waiting.push(go);
    });
  }
}
