import { credentialAccount, type Ctx, signupOnlySession } from "./activity";
import { botUserAgents, outdatedUserAgents, spamBanReasons, spamNameFragments } from "./data";
import { claimFree, giveUpAfter, localPartFromName, uniqueEmail } from "./identity";
import { randomPerson } from "./names";
import { desktopUA, inSubnet, ipv4, mobileUA } from "./network";
import { adminColumns, memberTime, type UserRows } from "./people";
import type { Group } from "./plan";
import type { Random } from "./random";
import { DAY, type SeedUser, seedId } from "./rows";

/**
 * Members of spam waves. What they share is the wave's signature (domain, network, user agent, time
 * window, name pattern); what they never do is come back: one session right at sign-up, rarely a
 * verified email. Some older ones were already caught and banned by moderators.
 */
export function spamUser(ctx: Ctx, g: Group): UserRows {
  const { r, now } = ctx;
  const id = seedId(r);
  const createdAt = memberTime(r, g);
  const j = g.emitted - 1;
  const { name, email, ip, ua, verifyChance } = waveMember(ctx, g, j);

  const admin = adminColumns(r, now, createdAt);
  const caught = createdAt < now - 14 * DAY && r.chance(0.1);
  const user: SeedUser = {
    id, name, email,
    emailVerified: r.chance(verifyChance),
    image: null,
    createdAt: new Date(createdAt),
    updatedAt: new Date(caught ? createdAt + r.float(1, 13) * DAY : createdAt),
    role: admin.role,
    banned: caught ? true : admin.banned,
    banReason: caught ? r.pick(spamBanReasons) : null,
    banExpires: null,
    username: null,
    displayUsername: null,
    twoFactorEnabled: false,
    label: g.label,
  };
  // banning deleted the sign-up session
  const sessions = caught ? [] : [signupOnlySession(ctx, id, createdAt, ip, ua)];
  return { user, accounts: [credentialAccount(ctx, id, createdAt)], sessions };
}

interface Member {
  name: string;
  email: string;
  ip: string;
  ua: string;
  verifyChance: number;
}

function waveMember(ctx: Ctx, g: Group, j: number): Member {
  const { r, reg } = ctx;
  const ua = () => (g.uas.length ? r.pick(g.uas) : desktopUA(r));
  switch (g.kind) {
    case "disposable": {
      const name = r.chance(0.5) ? randomPerson(r).name : r.chance(0.5) ? gibberishName(r) : r.alnum(r.int(6, 10));
      return { name, email: claimFree(ctx.reg, () => `${r.alnum(r.int(8, 13))}@${r.pick(g.domains)}`), ip: inSubnet(r, g.subnet ?? "185.0.0."), ua: ua(), verifyChance: 0.06 };
    }
    case "gmail-farm": {
      // every variant lands in the same real inbox, so this farm can (and often does) verify
      const name = latinName(r);
      const email = claimFree(ctx.reg, () => `${dotted(r, g.mailbox ?? "mailbox")}${r.chance(0.75) ? `+${r.chance(0.5) ? r.int(1, 999) : r.alnum(4)}` : ""}@gmail.com`);
      return { name, email, ip: r.pick(g.ips), ua: ua(), verifyChance: 0.45 };
    }
    case "sequential": {
      const prefix = g.prefix ?? "user";
      let n = (g.seq ?? 1) + j;
      let email = `${prefix}${n}@${g.domains[0]}`;
      for (let attempt = 0; !reg.claim(email); attempt++) {
        giveUpAfter(attempt, email);
        n += g.size;
        email = `${prefix}${n}@${g.domains[0]}`;
      }
      const name = r.chance(0.6) ? `${prefix}${n}` : r.chance(0.5) ? `User ${n}` : latinName(r);
      return { name, email, ip: g.ips[0] ?? ipv4(r, true), ua: ua(), verifyChance: 0.01 };
    }
    case "link-name": {
      const fragment = r.pick(spamNameFragments);
      const name = r.chance(0.6) ? fragment : `${latinName(r)} | ${fragment}`;
      const domain = r.pick(["gmail.com", "gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "mail.ru"]);
      const email = claimFree(ctx.reg, () => `${r.chance(0.5) ? r.alnum(r.int(7, 11)) : localPartFromName(r, r.alnum(5), r.alnum(4))}${r.int(10, 9999)}@${domain}`);
      return { name, email, ip: g.subnet ? inSubnet(r, g.subnet) : ipv4(r, true), ua: ua(), verifyChance: 0.08 };
    }
    case "drip": {
      const person = randomPerson(r);
      const domain = r.pick(g.domains);
      const email = uniqueEmail(r, reg, person.first, person.last, domain, 0).email;
      const x = r.next();
      const dripUa = x < 0.5 ? desktopUA(r) : x < 0.8 ? r.pick(outdatedUserAgents) : x < 0.9 ? r.pick(botUserAgents) : mobileUA(r);
      return { name: person.name, email, ip: ipv4(r, r.chance(0.6)), ua: dripUa, verifyChance: 0.08 };
    }
    default:
      throw new Error(`not a spam campaign: ${g.kind}`);
  }
}

/** Gmail ignores dots: j.ohn.smith and johnsm.ith reach the same inbox. */
function dotted(r: Random, mailbox: string): string {
  let out = mailbox.charAt(0);
  for (let i = 1; i < mailbox.length; i++) out += (r.chance(0.3) && out.at(-1) !== "." ? "." : "") + mailbox.charAt(i);
  return out;
}

const latinFirst = ["John", "Maria", "Alex", "David", "Kevin", "Sarah", "Michael", "Anna", "James", "Linda", "Robert", "Emma", "Daniel", "Olivia"];
const latinLast = ["Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Lee", "White", "Harris", "Clark"];
const latinName = (r: Random) => `${r.pick(latinFirst)} ${r.pick(latinLast)}`;

/** Pronounceable-looking but meaningless: what name generators in spam kits produce. */
function gibberishName(r: Random): string {
  const syllable = () => r.pick(["ka", "zu", "rex", "vo", "lin", "qua", "mor", "dex", "fi", "xan", "tor", "bel"]);
  const word = () => {
    const w = syllable() + syllable() + (r.chance(0.5) ? syllable() : "");
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  return `${word()} ${word()}`;
}
