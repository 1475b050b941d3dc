import { baseLocal } from "./email";

/**
 * "Does this local part look machine-generated?", learned from the app's own users.
 *
 * A character-bigram model over an alphabet of a–z, one symbol for any digit, one for any separator
 * (. _ -) and start/end markers. Trained on the addresses of the app's users, it knows what *their*
 * names look like (pinyin, Vietnamese, Polish, Arabic transliterations…), which an English-trained
 * gibberish detector does not. Random strings (`k3j9xq2m`) jump between letters and digits and
 * string together rare pairs, so their average log-likelihood per transition is far below the
 * population's. The cut-off is measured on the training population's own scores, so it adapts to
 * the data instead of being a guess.
 */
const SYMBOLS = 30; // 26 letters + digit + separator + start + end
const DIGIT = 26;
const SEP = 27;
const START = 28;
const END = 29;
/** add-k smoothing: unseen pairs are possible, just unlikely */
const K = 0.1;
/** how far below the typical address (in robust standard deviations) "generated" starts */
const SPREADS = 4.5;

function codes(local: string): number[] {
  const out = [START];
  for (const ch of baseLocal(local.toLowerCase())) {
    const c = ch.charCodeAt(0);
    if (c >= 97 && c <= 122) out.push(c - 97);
    else if (c >= 48 && c <= 57) out.push(DIGIT);
    else if (ch === "." || ch === "_" || ch === "-") out.push(SEP);
    // anything else (non-ASCII, symbols) carries no shape information here
  }
  out.push(END);
  return out;
}

/** ASCII letters in the local part (without its +tag). */
export function letterCount(local: string): number {
  let n = 0;
  for (const ch of baseLocal(local.toLowerCase())) {
    const c = ch.charCodeAt(0);
    if (c >= 97 && c <= 122) n++;
  }
  return n;
}

export class BigramModel {
  private readonly logp: Float64Array;
  /** scores below this are "generated-looking" (NaN until calibrated) */
  threshold = Number.NaN;
  readonly trainedOn: number;

  private constructor(counts: Float64Array, trainedOn: number) {
    this.trainedOn = trainedOn;
    this.logp = new Float64Array(SYMBOLS * SYMBOLS);
    for (let a = 0; a < SYMBOLS; a++) {
      let row = 0;
      for (let b = 0; b < SYMBOLS; b++) row += counts[a * SYMBOLS + b] ?? 0;
      for (let b = 0; b < SYMBOLS; b++) this.logp[a * SYMBOLS + b] = Math.log(((counts[a * SYMBOLS + b] ?? 0) + K) / (row + K * SYMBOLS));
    }
  }

  /**
   * Trains on local parts and sets the cut-off `SPREADS` robust standard deviations below the
   * population's median score (σ estimated from the median and the 5th percentile, so the few
   * spam addresses in the sample do not move it). Clean populations put about 0.05% of people's
   * own addresses below it, and most random strings.
   */
  static train(locals: Iterable<string>): BigramModel {
    const counts = new Float64Array(SYMBOLS * SYMBOLS);
    const kept: string[] = [];
    for (const local of locals) {
      const c = codes(local);
      for (let i = 1; i < c.length; i++) counts[(c[i - 1] as number) * SYMBOLS + (c[i] as number)]! += 1;
      kept.push(local);
    }
    const model = new BigramModel(counts, kept.length);
    const scores = kept.filter(judgeable).map((l) => model.score(l)).sort((a, b) => a - b);
    if (scores.length >= 100) {
      const at = (p: number) => scores[Math.floor(p * (scores.length - 1))] as number;
      const sigma = (at(0.5) - at(0.05)) / 1.645;
      model.threshold = at(0.5) - SPREADS * sigma;
    }
    return model;
  }

  /** Mean log-probability per transition: higher = more like the app's users. */
  score(local: string): number {
    const c = codes(local);
    let sum = 0;
    for (let i = 1; i < c.length; i++) sum += this.logp[(c[i - 1] as number) * SYMBOLS + (c[i] as number)] as number;
    return sum / Math.max(1, c.length - 1);
  }

  /** Generated-looking: long enough to judge and below the population's cut-off. */
  looksGenerated(local: string): boolean {
    return !Number.isNaN(this.threshold) && judgeable(local) && this.score(local) < this.threshold;
  }
}

/** Long enough to judge: 7+ characters with at least 4 letters (`li`, `jo12` say nothing). */
export function judgeable(local: string): boolean {
  return baseLocal(local).length >= 7 && letterCount(local) >= 4;
}
