/**
 * Large mailbox providers shared by millions of unrelated people: a burst of sign-ups on one of them
 * is judged against its usual share, and they never name a wave ("gmail.com on Tuesday" is not a group).
 */
const WEBMAIL = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
  "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net", "gmx.de",
  "web.de", "t-online.de", "mail.com", "zoho.com", "fastmail.com", "tutanota.com", "hey.com", "yandex.ru", "yandex.com",
  "mail.ru", "bk.ru", "list.ru", "inbox.ru", "rambler.ru", "ukr.net", "qq.com", "163.com", "126.com", "sina.com",
  "foxmail.com", "naver.com", "daum.net", "hanmail.net", "kakao.com", "rediffmail.com", "libero.it", "orange.fr",
  "free.fr", "laposte.net", "wp.pl", "o2.pl", "interia.pl", "onet.pl", "uol.com.br", "bol.com.br", "terra.com.br",
  "seznam.cz", "duck.com", "passmail.net", "simplelogin.com", "addy.io",
]);

/** gmail.com, hotmail.co.uk, yahoo.co.jp … */
export function isWebmail(domain: string): boolean {
  if (WEBMAIL.has(domain)) return true;
  const m = /^(hotmail|outlook|live|yahoo|ymail|gmx|yandex|aol|msn)\.[a-z.]{2,6}$/.exec(domain);
  return m !== null;
}
