import {
  fakerDE, fakerEN_GB, fakerEN_IN, fakerEN_NG, fakerEN_US, fakerES, fakerES_MX, fakerFR, fakerID_ID, fakerIT,
  fakerNL, fakerPL, fakerPT_BR, fakerRU, fakerSV, fakerTR, fakerUK, fakerVI, type Faker,
} from "@faker-js/faker";
import { type Random, type Weighted, weightedTable } from "./random";

/**
 * Person names from many cultures, each with an ASCII form for the email local part. Latin and Cyrillic
 * names come from faker's locale data (transliterated here); faker cannot romanise Japanese, Chinese,
 * Korean or Arabic names, so those come from the small curated lists below (native script + the
 * romanisation people actually use in addresses). Pools are built once and picked with our own PRNG,
 * which keeps the output deterministic and fast (no faker call per user).
 */

export interface NamePart {
  display: string;
  ascii: string;
}

export interface Person {
  name: string;
  first: string;
  last: string;
}

interface Pool {
  /** webmail region key in data.ts */
  region: string;
  female: NamePart[];
  male: NamePart[];
  lastFemale: NamePart[];
  lastMale: NamePart[];
  /** family name first, and the separator between the two parts */
  familyFirst?: boolean;
  joiner?: string;
  /** chance of a second family name (Spanish, Portuguese) */
  doubleLast?: number;
}

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh",
  щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", і: "i", ї: "yi", є: "ye", ґ: "g",
};
const SPECIAL: Record<string, string> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", ı: "i", þ: "th", ð: "d" };

/** Lowercase ASCII [a-z0-9] for email local parts: strips diacritics, transliterates Cyrillic. */
export function toAscii(s: string): string {
  let out = "";
  for (const ch of s.toLowerCase().normalize("NFD")) {
    if (/[a-z0-9]/.test(ch)) out += ch;
    else out += CYRILLIC[ch] ?? SPECIAL[ch] ?? "";
  }
  return out;
}

const part = (display: string): NamePart => ({ display, ascii: toAscii(display) });

function fromFaker(f: Faker, region: string, extra: Partial<Pool> = {}): Pool {
  const p = f.rawDefinitions.person ?? {};
  const first = (p.first_name ?? {}) as Partial<Record<"generic" | "female" | "male", string[]>>;
  const last = (p.last_name ?? {}) as Partial<Record<"generic" | "female" | "male", string[]>>;
  const list = (xs: string[] | undefined) => (xs ?? []).map(part).filter((n) => n.ascii.length >= 2);
  return {
    region,
    female: list(first.female ?? first.generic),
    male: list(first.male ?? first.generic),
    lastFemale: list(last.female ?? last.generic),
    lastMale: list(last.male ?? last.generic),
    ...extra,
  };
}

/** "native:romanised" pairs, space separated */
const pairs = (s: string): NamePart[] =>
  s.split(/\s+/).filter(Boolean).map((x) => {
    const [display = "", ascii = ""] = x.split(":");
    return { display, ascii };
  });

function curated(region: string, given: string, family: string, extra: Partial<Pool>): Pool {
  const g = pairs(given);
  const f = pairs(family);
  return { region, female: g, male: g, lastFemale: f, lastMale: f, ...extra };
}

const japanese = curated(
  "ja",
  "浩:hiroshi 隆:takashi 陽翔:haruto 蒼太:sota 蓮:ren 悠人:yuto 大輝:daiki 健太:kenta 翔太:shota 直樹:naoki 和樹:kazuki " +
    "陸:riku さくら:sakura 結衣:yui 葵:aoi 陽菜:hina 芽依:mei 美咲:misaki 遥:haruka 優奈:yuna あゆみ:ayumi 恵:megumi " +
    "香織:kaori 恵美:emi 七海:nanami 真央:mao 凛:rin 明:akira 智子:tomoko 拓也:takuya",
  "佐藤:sato 鈴木:suzuki 高橋:takahashi 田中:tanaka 渡辺:watanabe 伊藤:ito 山本:yamamoto 中村:nakamura 小林:kobayashi " +
    "加藤:kato 吉田:yoshida 山田:yamada 佐々木:sasaki 山口:yamaguchi 松本:matsumoto 井上:inoue 木村:kimura 林:hayashi " +
    "清水:shimizu 山崎:yamazaki 森:mori 池田:ikeda 橋本:hashimoto 阿部:abe 石川:ishikawa 小川:ogawa 藤田:fujita " +
    "岡田:okada 後藤:goto 長谷川:hasegawa",
  { familyFirst: true, joiner: " " },
);

const chinese = curated(
  "zh",
  "伟:wei 芳:fang 娜:na 敏:min 静:jing 秀英:xiuying 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan 杰:jie " +
    "娟:juan 涛:tao 明:ming 超:chao 秀兰:xiulan 霞:xia 平:ping 刚:gang 子涵:zihan 浩然:haoran 一诺:yinuo 梓萱:zixuan " +
    "宇轩:yuxuan 欣怡:xinyi 俊杰:junjie 思远:siyuan 雨桐:yutong 佳琪:jiaqi",
  "王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun 马:ma 朱:zhu 胡:hu " +
    "郭:guo 何:he 高:gao 林:lin 罗:luo 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang 许:xu 韩:han 冯:feng 邓:deng 曹:cao",
  { familyFirst: true, joiner: "" },
);

const korean = curated(
  "ko",
  "민준:minjun 서준:seojun 도윤:doyun 예준:yejun 시우:siwoo 하준:hajun 주원:juwon 지호:jiho 지훈:jihoon 준서:junseo " +
    "서연:seoyeon 서윤:seoyun 지우:jiwoo 서현:seohyun 민서:minseo 하은:haeun 하윤:hayun 윤서:yunseo 지민:jimin " +
    "채원:chaewon 수빈:subin 지은:jieun 현우:hyunwoo 동현:donghyun 영희:younghee 성민:sungmin",
  "김:kim 이:lee 박:park 최:choi 정:jung 강:kang 조:cho 윤:yoon 장:jang 임:lim 한:han 오:oh 서:seo 신:shin " +
    "권:kwon 황:hwang 안:ahn 송:song 류:ryu 홍:hong",
  { familyFirst: true, joiner: "" },
);

const arabic = curated(
  "ar",
  "محمد:mohamed أحمد:ahmed علي:ali عمر:omar يوسف:youssef خالد:khaled إبراهيم:ibrahim حسن:hassan حسين:hussein " +
    "مصطفى:mostafa عبدالله:abdullah طارق:tarek كريم:karim سامي:sami فاطمة:fatima عائشة:aisha مريم:maryam نور:nour " +
    "سارة:sara ليلى:layla هدى:huda رنا:rana ياسمين:yasmin زينب:zainab سلمى:salma دينا:dina",
  "الحسن:alhassan العلي:alali الشامي:alshami المصري:almasri حداد:haddad خوري:khoury منصور:mansour سعيد:saeed " +
    "ناصر:nasser صالح:saleh حمدان:hamdan الزهراني:alzahrani القحطاني:alqahtani العتيبي:alotaibi عيسى:issa " +
    "الفاسي:elfassi التونسي:ettounsi عبدالرحمن:abdelrahman يوسف:youssef بنعلي:benali",
  { joiner: " " },
);

/** Arabic speakers often write their name in Latin letters on Western sites. */
const arabicLatin: Pool = {
  ...arabic,
  female: arabic.female.map((n) => ({ display: cap(n.ascii), ascii: n.ascii })),
  male: arabic.male.map((n) => ({ display: cap(n.ascii), ascii: n.ascii })),
  lastFemale: arabic.lastFemale.map((n) => ({ display: cap(n.ascii), ascii: n.ascii })),
  lastMale: arabic.lastMale.map((n) => ({ display: cap(n.ascii), ascii: n.ascii })),
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

let table: ReturnType<typeof weightedTable<Pool>> | undefined;

function cultures() {
  table ??= weightedTable<Pool>([
    [fromFaker(fakerEN_US, "en"), 20],
    [fromFaker(fakerEN_GB, "en"), 6],
    [fromFaker(fakerDE, "de"), 7],
    [fromFaker(fakerFR, "fr"), 5],
    [fromFaker(fakerES, "es", { doubleLast: 0.6 }), 4],
    [fromFaker(fakerES_MX, "es", { doubleLast: 0.4 }), 3],
    [fromFaker(fakerPT_BR, "pt", { doubleLast: 0.3 }), 5],
    [fromFaker(fakerIT, "it"), 3],
    [fromFaker(fakerNL, "nl"), 2],
    [fromFaker(fakerPL, "pl"), 3],
    [fromFaker(fakerSV, "sv"), 1],
    [fromFaker(fakerTR, "tr"), 3],
    [fromFaker(fakerRU, "ru"), 4],
    [fromFaker(fakerUK, "uk"), 1.5],
    [fromFaker(fakerVI, "vi", { familyFirst: true, joiner: " " }), 3],
    [fromFaker(fakerEN_IN, "in"), 8],
    [fromFaker(fakerID_ID, "id"), 2],
    [fromFaker(fakerEN_NG, "en"), 1.5],
    [japanese, 4],
    [chinese, 5],
    [korean, 2.5],
    [arabic, 2],
    [arabicLatin, 2],
  ] satisfies Weighted<Pool>);
  return table;
}

export interface GeneratedPerson extends Person {
  region: string;
}

export function randomPerson(r: Random): GeneratedPerson {
  const pool = cultures().pick(r);
  const female = r.chance(0.5);
  const first = r.pick(female ? pool.female : pool.male);
  let last = r.pick(female ? pool.lastFemale : pool.lastMale);
  if (pool.doubleLast && r.chance(pool.doubleLast)) {
    const second = r.pick(female ? pool.lastFemale : pool.lastMale);
    last = { display: `${last.display} ${second.display}`, ascii: last.ascii };
  }
  const joiner = pool.joiner ?? " ";
  let name = pool.familyFirst ? `${last.display}${joiner}${first.display}` : `${first.display}${joiner}${last.display}`;
  // People type their names carelessly: first name only, or all lowercase.
  if (r.chance(0.04)) name = first.display;
  else if (r.chance(0.03)) name = name.toLowerCase();
  return { name, first: first.ascii, last: last.ascii, region: pool.region };
}
