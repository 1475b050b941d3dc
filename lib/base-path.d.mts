export function parseBasePath(raw: string | undefined): string;
export function distDirFor(basePath: string): string;
export function withBasePath(path: string): string;
