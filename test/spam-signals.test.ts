import { describe, expect, it } from "vitest";
import { spamNameFragments } from "../lib/seed/data";
import { generateDataset, REFERENCE_NOW } from "../lib/seed/generate";
import { randomPerson } from "../lib/seed/names";
import { Random } from "../lib/seed/random";
import { spamConfig } from "../lib/spam/config";
import { clustersOf, countWithin, indexKeys } from "../lib/spam/groups";
import { BigramModel } from "../lib/spam/signals/bigram";
import { nameContent } from "../lib/spam/signals/display-name";
import { disposableDomain } from "../lib/spam/signals/disposable";
import { canonicalMailbox, isDigitHeavy, isPlaceholderEmail, trailingNumber } from "../lib/spam/signals/email";
import { networkKeys } from "../lib/spam/signals/network";
import { findSequences } from "../lib/spam/signals/sequence";
import { classifyUserAgent, isOutdated } from "../lib/spam/signals/user-agent";

describe("email identity", () => {
  it.each([
    ["J.o.h.n.Smith+news@GoogleMail.com", "johnsmith@gmail.com"],
    ["johnsmith@gmail.com", "johnsmith@gmail.com"],
    ["john.smith+shop@gmail.com", "johnsmith@gmail.com"],
    ["john.smith+work@outlook.com", "john.smith@outlook.com"],
    ["Anna+x+y@Example.org", "anna@example.org"],
  ])("folds %s to the mailbox %s", (email, mailbox) => {
    expect(canonicalMailbox(email)).toBe(mailbox);
  });

  it("refuses what is not an address", () => {
    expect(canonicalMailbox("no-at-sign")).toBeNull();
    expect(canonicalMailbox("+tag@gmail.com")).toBeNull();
  });

  it("recognises placeholder and anonymous addresses (their shape says nothing)", () => {
    expect(isPlaceholderEmail("0x12ab@siwe.placeholder.invalid")).toBe(true);
    expect(isPlaceholderEmail("temp-k3j9xq2mzz@myapp.com")).toBe(true);
    expect(isPlaceholderEmail("temp@a8sd7f6g5h4j3k2l1z.com")).toBe(true);
    expect(isPlaceholderEmail("temp@gmail.com")).toBe(false);
    expect(isPlaceholderEmail("nguyen.van.an@gmail.com")).toBe(false);
  });

  it("finds throwaway providers on the maintained list, subdomains included, but not privacy relays", () => {
    expect(disposableDomain("mailinator.com")).toBe("mailinator.com");
    expect(disposableDomain("x7.mailinator.com")).toBe("mailinator.com");
    expect(disposableDomain("mailinator.com.example.org")).toBeNull();
    expect(disposableDomain("gmail.com")).toBeNull();
    expect(disposableDomain("duck.com")).toBeNull();
  });

  it("splits sequential local parts and spots digit-heavy ones", () => {
    expect(trailingNumber("promo123")).toEqual({ prefix: "promo", n: 123, width: 3 });
    expect(trailingNumber("maria.garcia1987+news")).toEqual({ prefix: "maria.garcia", n: 1987, width: 4 });
    expect(trailingNumber("42")).toBeNull();
    expect(isDigitHeavy("8837462")).toBe(true);
    expect(isDigitHeavy("a93847561")).toBe(true);
    expect(isDigitHeavy("john1987")).toBe(false);
  });

  it("calls a script counting up a sequence, and birth years in no order not one", () => {
    const DAY = 86_400_000;
    const script = Array.from({ length: 8 }, (_, j) => ({ numbered: trailingNumber(`promo${120 + j}`), domain: "mailx.top", time: 1_000 + j * 60_000 }));
    const years = [1985, 1987, 1986, 1988, 1984, 1989].map((y, j) => ({ numbered: trailingNumber(`maria${y}`), domain: "gmail.com", time: 1_000 + ((j * 7) % 6) * DAY / 6 }));
    const { runs, of } = findSequences([...script, ...years]);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.label).toBe("promo120 … promo127@mailx.top");
    expect([...of].slice(0, 8).every((r) => r === 0)).toBe(true);
    expect([...of].slice(8).every((r) => r === -1)).toBe(true);
  });
});

describe("network keys", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7", "203.0.113.0/24"],
    ["2001:0db8:0000:0000:0000:0000:0000:0000", "2001:db8::", "2001:db8::/48"],
    ["2001:0db8:00a1:0b2c:0000:0000:0000:0000", "2001:db8:a1:b2c::", "2001:db8:a1::/48"],
    ["2001:db8:a1:b2c::", "2001:db8:a1:b2c::", "2001:db8:a1::/48"],
    ["2a02:8108:1a2b:3c4d:5e6f:7a8b:9c0d:1e2f", "2a02:8108:1a2b:3c4d:5e6f:7a8b:9c0d:1e2f", "2a02:8108:1a2b::/48"],
    ["::ffff:203.0.113.7", "203.0.113.7", "203.0.113.0/24"],
    ["[2001:db8::1]", "2001:db8::1", "2001:db8::/48"],
  ])("%s → %s in %s", (raw, ip, subnet) => {
    expect(networkKeys(raw)).toEqual({ ip, subnet });
  });

  it("gives the expanded and compressed forms of one address the same keys", () => {
    expect(networkKeys("2001:0db8:0000:0000:0000:0000:0000:0001")).toEqual(networkKeys("2001:db8::1"));
  });

  it.each(["127.0.0.1", "10.1.2.3", "192.168.0.9", "::1", "fe80::1", "fd00::5", "not an ip", "300.1.2.3", "", null])("ignores %s (not a client on the internet)", (raw) => {
    expect(networkKeys(raw)).toBeNull();
  });
});

describe("user agents", () => {
  it.each([
    ["okhttp/4.12.0", "native"],
    ["MyApp/3.4.1 CFNetwork/1568.200.51 Darwin/24.1.0", "native"],
    ["curl/8.7.1", "library"],
    ["python-requests/2.32.3", "library"],
    ["Go-http-client/1.1", "library"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/139.0.0.0 Safari/537.36", "headless"],
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "bot"],
    ["", "empty"],
    [null, "empty"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36", "browser"],
  ])("%s is %s", (ua, kind) => {
    expect(classifyUserAgent(ua).kind).toBe(kind);
  });

  it("lets the operator allow-list the app's own client (SPAM_NATIVE_CLIENTS)", () => {
    const { nativeClients } = spamConfig({ SPAM_NATIVE_CLIENTS: "AcmeApp/, acme-sync" });
    expect(classifyUserAgent("axios/1.7.7 acme-sync", nativeClients).kind).toBe("native");
    expect(classifyUserAgent("axios/1.7.7").kind).toBe("library");
  });

  it("calls a browser outdated only far behind the population", () => {
    const medians = { chrome: 141, firefox: 144 };
    const v = (ua: string) => isOutdated(classifyUserAgent(ua).engine, medians);
    expect(v("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.110 Safari/537.36")).toBe(true);
    expect(v("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Firefox/102.0")).toBe(true);
    expect(v("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36")).toBe(false);
  });
});

describe("display names", () => {
  it("flags every link-spam name of the generator", () => {
    for (const name of spamNameFragments) expect(nameContent(name), name).not.toBeNull();
  });

  it.each([
    ["Visit https://cheap-meds.pharmacy", "link"],
    ["Crypto x100 signals t.me/pumpsignals", "link"],
    ["Telegram @airdrop_hunter free USDT", "contact"],
    ["Forex mentor WhatsApp +44 7700 900123", "contact"],
    ["casino bonus 200%", "ad"],
  ])("%s carries a %s", (name, kind) => {
    expect(nameContent(name)?.kind).toBe(kind);
  });

  it("never flags people's names, whatever their culture", () => {
    const curated = [
      "Nguyễn Thị Loan", "Loan Trần", "Trần Văn Đức", "Phạm Minh Tuấn", "Win Myint", "Aung San Suu Kyi", "Seo Yeon Kim", "Seo-jun Park",
      "서연 김", "Johnny Cash", "Bet Cohen", "Promise Okafor", "Precious Adebayo", "Bonus Mthembu", "Hot Nguyen", "Mohamed Al-Qahtani",
      "Abdelrahman Haddad", "محمد القحطاني", "Zhang Xiuying", "张秀英", "Liu Haoran", "Ayumi Tanaka", "田中 あゆみ", "Przemysław Grzegorczyk",
      "Siddharth Venkataraman", "Olumide Adeyemi", "St. John Smith", "Dr. A. Kumar", "J.R.R. Tolkien", "Mary-Jane O'Neil", "Li Na", "Li.Na",
      "Ana Pro", "Jo Me", "Chinedu Casino-Eze",
    ];
    const flagged = curated.filter((n) => nameContent(n) && !n.includes("Casino"));
    expect(flagged).toEqual([]);
    const r = new Random(11);
    const people = Array.from({ length: 30_000 }, () => randomPerson(r).name);
    expect(people.filter((n) => nameContent(n))).toEqual([]);
  });
});

describe("bigram model trained on the app's own users", () => {
  const locals = [...generateDataset({ users: 20_000, seed: 3, now: REFERENCE_NOW, passwordHash: "x" })]
    .flatMap((b) => b.users)
    .filter((u) => u.label === "legit" || u.label.startsWith("lookalike"))
    .map((u) => u.email.slice(0, u.email.indexOf("@")));
  const model = BigramModel.train(locals);

  it("does not call names of many cultures random", () => {
    const names = [
      "nguyenthiloan", "tran.van.duc", "phamminhtuan", "ngocanh.vu", "mohamed.alqahtani", "abdelrahman.haddad", "youssef.elfassi",
      "zhangxiuying", "liuhaoran", "wang.junjie", "kimseoyeon", "parkjihoon", "yamamoto.haruto", "takahashi.yui", "olumide.adeyemi",
      "siddharth.venkataraman", "wojciech.szczepanski", "przemyslaw.grzegorczyk", "ekaterina.ivanova", "oleksandr.shevchenko",
      "joao.goncalves", "mehmet.yilmaz", "aisha.abubakar",
    ];
    expect(names.filter((n) => model.looksGenerated(n))).toEqual([]);
  });

  it("calls machine-made local parts generated", () => {
    for (const l of ["x7kq9zp2", "qzj4vw8kx", "k3j9xq2m7", "zx9qk2vbn4", "p0o9i8u7y6t"]) expect(model.looksGenerated(l), l).toBe(true);
  });

  it("flags at most about 1% of the population it learned from", () => {
    const share = locals.filter((l) => model.looksGenerated(l)).length / locals.length;
    expect(share).toBeLessThan(0.012);
  });
});

describe("configuration", () => {
  it("reads the two thresholds from the environment and refuses nonsense, naming the variable", () => {
    expect(spamConfig({}).thresholds).toEqual({ review: 35, likely: 60 });
    expect(spamConfig({ SPAM_REVIEW_THRESHOLD: "40", SPAM_LIKELY_THRESHOLD: "75" }).thresholds).toEqual({ review: 40, likely: 75 });
    expect(() => spamConfig({ SPAM_REVIEW_THRESHOLD: "high" })).toThrow(/SPAM_REVIEW_THRESHOLD/);
    expect(() => spamConfig({ SPAM_REVIEW_THRESHOLD: "70", SPAM_LIKELY_THRESHOLD: "50" })).toThrow(/SPAM_LIKELY_THRESHOLD/);
  });
});

describe("co-occurrence windows", () => {
  it("counts same-key sign-ups within ±w and splits groups at gaps", () => {
    const MIN = 60_000;
    const times = Float64Array.from([0, 10, 20, 30, 200, 210, 220, 230, 240, 5000].map((m) => m * MIN));
    const keys = ["a", "a", "b", "a", null, "a", "a", "a", "a", "a"];
    const x = indexKeys(keys);
    expect([...countWithin(x, times, 15 * MIN)]).toEqual([2, 2, 1, 1, 0, 2, 3, 3, 2, 1]);
    const { clusters, of } = clustersOf("t", x, times, { gap: 60 * MIN, span: 1000 * MIN }, 3);
    expect(clustersOf("t", x, times, { gap: 60 * MIN, span: 20 * MIN }, 2).clusters.map((c) => c.members)).toEqual([[0, 1], [5, 6, 7], [8]].filter((m) => m.length >= 2));
    expect(clusters.map((c) => c.members)).toEqual([[0, 1, 3], [5, 6, 7, 8]]);
    expect(of[9]).toBe(-1);
  });
});
