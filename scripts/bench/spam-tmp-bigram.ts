import { generateDataset, REFERENCE_NOW } from "../../lib/seed/generate";
import { BigramModel, letterCount } from "../../lib/spam/signals/bigram";
const users = [...generateDataset({ users: 30000, seed: 3, now: REFERENCE_NOW, passwordHash: "x" })].flatMap((b) => b.users);
const locals = users.map((u) => u.email.split("@")[0]!);
const m = BigramModel.train(locals.slice(0, 20000));
console.log("threshold", m.threshold);
const byLabel = new Map<string, [number, number]>();
for (const u of users.slice(20000)) {
  const l = u.email.split("@")[0]!;
  const g = m.looksGenerated(l);
  const e = byLabel.get(u.label) ?? [0, 0];
  e[0]++; if (g) e[1]++;
  byLabel.set(u.label, e);
}
console.log(byLabel);
for (const w of ["nguyenthiloan","tranvanduc","phamminhtuan","mohamed.alqahtani","abdelrahman.haddad","zhangxiuying","liuhaoran","wangjunjie","kimseoyeon","parkjihoon","yamamoto.haruto","olumide.adeyemi","siddharth.venkataraman","wojciech.szczepanski","przemyslaw.grzegorczyk","x7kq9zp2","qzj4vw8kx","k3j9xq2m7","bxqwzt","mtsmith","ngocanh.vu","nguyen.van.an"]) console.log(w, m.score(w).toFixed(2), m.looksGenerated(w), letterCount(w));
