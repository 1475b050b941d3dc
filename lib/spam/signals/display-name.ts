/**
 * Display names that carry a payload: links, contact handles and advertising. The display name is
 * shown wherever the user appears, which is why spam kits put their message there.
 *
 * Word lists are matched on whole words and were checked against names of many cultures (see
 * test/spam-signals.test.ts): "loan" is a Vietnamese given name, "win" a Burmese one, "seo" a Korean
 * family name, "cash" and "bet" are surnames, so none of them counts alone.
 */
export type NameContent = { kind: "link" | "contact" | "ad"; match: string; strength: "strong" | "weak" };

/** TLDs spam links use, kept to ones that do not spell name parts (no .me, .win, .loan …). */
const TLDS = "com|net|org|biz|info|top|xyz|click|shop|online|site|icu|buzz|live|store|bet|casino|pharmacy|club|vip|app|pro|io|ru|cn|tk|ml|ga|cf|gq|cc|ly|gg|link|fun|space|website|work|ink|cam|rest|monster|sbs|cfd|today|money|promo|sale|deals";
const LINK = [
  /https?:\/\/\S+/i,
  /\bwww\.\S+/i,
  /\b(?:t\.me|wa\.me|bit\.ly|tinyurl\.com|goo\.gl|cutt\.ly|is\.gd|rb\.gy)\/\S*/i,
  new RegExp(`\\b[a-z0-9][a-z0-9-]{1,62}\\.(?:${TLDS})\\b`, "i"),
];
/** Contact handles: a @handle, a phone number, an email address, or a messenger named. */
const CONTACT = [/(?:^|\s)@[a-z0-9_]{4,}/i, /\+\d[\d\s().-]{7,}\d/, /\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b/i];
const MESSENGERS = ["whatsapp", "telegram", "wechat", "viber", "kik", "skype"];
/** Unambiguous advertising words: none is a given or family name anywhere we know of. */
const AD_WORDS = [
  "casino", "crypto", "bitcoin", "usdt", "forex", "airdrop", "viagra", "cialis", "porn", "escort", "onlyfans", "followers",
  "backlinks", "replica", "v-bucks", "vbucks", "jackpot", "giveaway", "betting", "payday", "essay writing", "hot singles",
  "make money", "get rich", "earn money", "instant cash", "free followers", "buy instagram", "smm panel", "seo services",
  "cheap followers", "promo code", "bonus code",
];
const escapeRegExp = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** One pass for every word: ASCII word boundaries, so "Loan" or "Seo" inside other words never match. */
const WORDS = new RegExp(`\\b(${[...MESSENGERS, ...AD_WORDS].map(escapeRegExp).join("|")})\\b`, "i");
/** Money and percentage claims, and the emoji that go with them: weak alone. */
const MONEY = /[$€£]\s?\d{2,}|\d{2,}\s?(?:usd|usdt|eur)\b|\d{2,}\s?%|x\d{2,}\b|[💸💰🎰🤑💵]/iu;
/** Characters every link or handle pattern needs: most names have none and skip those patterns. */
const LINKISH = /[.@/:+]/;

export function nameContent(name: string | null | undefined): NameContent | null {
  if (!name) return null;
  if (LINKISH.test(name)) {
    for (const re of LINK) {
      const m = re.exec(name);
      if (m) return { kind: "link", match: m[0].trim(), strength: "strong" };
    }
    for (const re of CONTACT) {
      const m = re.exec(name);
      if (m) return { kind: "contact", match: m[0].trim(), strength: "strong" };
    }
  }
  const w = WORDS.exec(name);
  if (!w) return null;
  const word = (w[1] ?? w[0]).toLowerCase();
  if (MESSENGERS.includes(word)) return { kind: "contact", match: word, strength: "strong" };
  return { kind: "ad", match: word, strength: MONEY.test(name) ? "strong" : "weak" };
}
