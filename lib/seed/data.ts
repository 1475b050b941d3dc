import type { Weighted } from "./random";

/**
 * Static lists for the generator. Weights are rough market shares: the point is a plausible mix for the
 * dashboard's tables and the spam benchmark, not statistics.
 */

/** Real browser user agents of current versions (UA-reduced Chrome strings, as browsers send them). */
export const desktopUserAgents: Weighted<string> = [
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36", 14],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36", 8],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36", 3],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0", 6],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0", 3],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:144.0) Gecko/20100101 Firefox/144.0", 3],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:143.0) Gecko/20100101 Firefox/143.0", 1.5],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0", 1],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 OPR/123.0.0.0", 0.8],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36", 7],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36", 3],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15", 4],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15", 3],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:144.0) Gecko/20100101 Firefox/144.0", 1.5],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0", 0.8],
  ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36", 2],
  ["Mozilla/5.0 (X11; Linux x86_64; rv:144.0) Gecko/20100101 Firefox/144.0", 1.2],
  ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0", 0.6],
  ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36", 0.6],
];

export const mobileUserAgents: Weighted<string> = [
  ["Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36", 16],
  ["Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36", 7],
  ["Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36", 4],
  ["Mozilla/5.0 (Android 15; Mobile; rv:144.0) Gecko/144.0 Firefox/144.0", 1],
  ["Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36 EdgA/141.0.0.0", 0.6],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1", 12],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1", 8],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1", 2],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/141.0.7390.96 Mobile/15E148 Safari/604.1", 3],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/144.0 Mobile/15E148 Safari/605.1.15", 0.5],
  ["Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1", 1.5],
  // An app's own native clients: HTTP-library UAs that are NOT bots (a trap for naive bot lists).
  ["okhttp/4.12.0", 0.8],
  ["MyApp/3.4.1 CFNetwork/1568.200.51 Darwin/24.1.0", 0.6],
];

/** Headless browsers and HTTP libraries: what scripted sign-ups send. */
export const botUserAgents: readonly string[] = [
  "python-requests/2.32.3",
  "python-requests/2.31.0",
  "curl/8.7.1",
  "curl/7.88.1",
  "Go-http-client/1.1",
  "Go-http-client/2.0",
  "axios/1.7.7",
  "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/139.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/125.0.6422.60 Safari/537.36",
];

/** Browser versions years behind the population: typical of anti-detect tooling and old bot kits. */
export const outdatedUserAgents: readonly string[] = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.110 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/103.0.5060.134 Safari/537.36",
  "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Firefox/102.0",
  "Mozilla/5.0 (Linux; Android 8.0.0; SM-G950F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.120 Mobile Safari/537.36",
];

export const disposableDomains: readonly string[] = [
  "mailinator.com", "guerrillamail.com", "guerrillamail.net", "sharklasers.com", "grr.la", "10minutemail.com",
  "yopmail.com", "yopmail.fr", "trashmail.com", "trash-mail.com", "temp-mail.org", "tempmail.net", "tempail.com",
  "dispostable.com", "maildrop.cc", "getnada.com", "throwawaymail.com", "mailnesia.com", "mintemail.com",
  "mohmal.com", "emailondeck.com", "fakeinbox.com", "mytemp.email", "tempr.email", "discard.email",
  "spamgourmet.com", "jetable.org", "mailcatch.com", "moakt.com",
];

export const webmailDomains: Weighted<string> = [
  ["gmail.com", 52], ["outlook.com", 6], ["hotmail.com", 6], ["yahoo.com", 6], ["icloud.com", 5],
  ["live.com", 1.5], ["proton.me", 1.5], ["protonmail.com", 1], ["aol.com", 1], ["me.com", 0.6],
  ["hotmail.co.uk", 0.6], ["yahoo.co.uk", 0.4], ["zoho.com", 0.3], ["fastmail.com", 0.3], ["tutanota.com", 0.2],
  ["gmx.com", 0.4], ["mail.com", 0.3], ["hey.com", 0.1],
];

/** Providers people in a culture use besides the global ones (picked for part of that culture's users). */
export const regionalWebmail: Readonly<Record<string, Weighted<string>>> = {
  de: [["gmx.de", 4], ["web.de", 4], ["t-online.de", 2], ["gmx.net", 2], ["posteo.de", 0.5]],
  fr: [["orange.fr", 3], ["free.fr", 2], ["laposte.net", 1], ["yahoo.fr", 1], ["sfr.fr", 1]],
  es: [["yahoo.es", 1], ["hotmail.es", 2], ["telefonica.net", 0.5]],
  pt: [["uol.com.br", 2], ["bol.com.br", 1], ["terra.com.br", 1], ["hotmail.com.br", 1]],
  it: [["libero.it", 3], ["virgilio.it", 1], ["alice.it", 1], ["tiscali.it", 0.5]],
  nl: [["ziggo.nl", 1], ["kpnmail.nl", 1], ["hotmail.nl", 1]],
  pl: [["wp.pl", 3], ["o2.pl", 2], ["interia.pl", 2], ["onet.pl", 1]],
  tr: [["hotmail.com.tr", 1], ["yandex.com.tr", 1]],
  ru: [["yandex.ru", 4], ["mail.ru", 4], ["rambler.ru", 1], ["bk.ru", 1], ["list.ru", 1]],
  uk: [["ukr.net", 3], ["i.ua", 1], ["meta.ua", 0.5]],
  ja: [["yahoo.co.jp", 4], ["docomo.ne.jp", 1], ["ezweb.ne.jp", 1], ["softbank.ne.jp", 0.5]],
  zh: [["qq.com", 6], ["163.com", 4], ["126.com", 2], ["sina.com", 1], ["foxmail.com", 1]],
  ko: [["naver.com", 6], ["daum.net", 2], ["hanmail.net", 2], ["kakao.com", 1]],
  vi: [["yahoo.com.vn", 1]],
  in: [["rediffmail.com", 2], ["yahoo.co.in", 2]],
  id: [["yahoo.co.id", 1]],
  sv: [["telia.com", 1], ["spray.se", 0.3]],
};

export const oauthProviders: Weighted<"google" | "github" | "apple" | "discord"> = [
  ["google", 55], ["github", 20], ["apple", 15], ["discord", 10],
];

/** Display names of the link-spam wave: links, handles and ad words. */
export const spamNameFragments: readonly string[] = [
  "Cheap followers www.example-promo.biz",
  "t.me/cryptoboost",
  "Earn $500/day → bit.ly/3kF9xQz",
  "casino bonus 200% spin-win.top",
  "BUY INSTAGRAM LIKES insta-boost.shop",
  "Free V-bucks http://free-vbucks.click",
  "Crypto x100 signals t.me/pumpsignals",
  "Best SEO backlinks seo-rank-pro.xyz",
  "Hot singles near you datehot.live",
  "Replica watches www.lux-replica.store",
  "Online casino 🎰 bonus.casino-royal.bet",
  "Get rich fast bit.ly/richnow24",
  "Visit https://cheap-meds.pharmacy",
  "Forex mentor WhatsApp +44 7700 900123",
  "Telegram @airdrop_hunter free USDT",
  "Essay writing service www.essaypro-help.com",
  "Bet now 1xwin-bonus.com promo",
  "Followers & likes smm-panel.top",
  "Instant cash approved fastcash-now.biz",
  "💸 Airdrop claim → t.me/claim_usdt_bot",
];

/** Company domains for the office-onboarding look-alike (one per office). */
export const companyDomains: readonly string[] = [
  "acme-corp.com", "globex-industries.com", "initech.io", "umbrella-labs.com", "hooli.dev", "piedpiper.net",
  "vandelay-import.com", "wonka-industries.com", "cyberdyne-systems.ai", "soylent-foods.com",
  "tyrell-corp.com", "massive-dynamic.com",
];

/** University domains for the campus-NAT look-alike. */
export const campusDomains: readonly string[] = [
  "northfield.edu", "lakeside-university.edu", "westbrook.edu", "riverdale-college.edu", "hillcrest.edu",
  "eastgate-tech.edu",
];

/** Small-business and personal domains a minority of legitimate users sign up with. */
export const otherDomains: readonly string[] = [
  "studio-kern.de", "lumenworks.io", "brightpath.co", "atelier-moreau.fr", "ferreira-advocacia.com.br",
  "kobo-design.jp", "nordlicht.se", "bluefern.co.nz", "olivegrove.es", "quantumleaf.in", "mehta-associates.in",
  "rossi-studio.it", "vanderberg.nl", "kowalski-it.pl", "yildiz-yazilim.com.tr",
];

export const legitBanReasons: readonly string[] = [
  "Harassment of other users", "Chargeback fraud", "Repeated terms-of-service violations",
  "Abusive language in comments", "Ban evasion", "Selling account access",
];

export const spamBanReasons: readonly string[] = ["Spam", "Spam account (bulk sign-up)", "Posting scam links"];

/** Tags people use with plus-addressing for filtering (legitimate). */
export const plusTags: readonly string[] = ["news", "shop", "apps", "signup", "dev", "work", "spam", "promo", "saas", "2fa"];

/** Words for the random local parts and prefixes spam kits use. */
export const spamPrefixes: readonly string[] = ["user", "test", "acc", "promo", "mail", "bonus", "win", "info", "bot", "reg"];
export const spamTlds: readonly string[] = ["xyz", "top", "click", "shop", "online", "site", "icu", "buzz"];
