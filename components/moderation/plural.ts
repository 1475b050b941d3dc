/** "1 user", "3 users", "1,200 sessions": a count and its noun. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
