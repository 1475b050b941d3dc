import { afterEach, describe, expect, it, vi } from "vitest";
import { basePathRequested, main } from "../bin/cli";
import { distDirFor, parseBasePath, withBasePath } from "../lib/base-path.mjs";
import { ConfigError, parseConfig } from "../lib/config";

describe("BASE_PATH", () => {
  it("reads the root and /a/b forms, and refuses what Next's basePath cannot be", () => {
    for (const root of [undefined, "", "  ", "/"]) expect(parseBasePath(root)).toBe("");
    expect(parseBasePath("/admin")).toBe("/admin");
    expect(parseBasePath(" /admin/ ")).toBe("/admin");
    expect(parseBasePath("/tools/admin-1.x")).toBe("/tools/admin-1.x");
    for (const bad of ["admin", "/ad min", "/a//b", "/a/../b", "/%2e", "/a?b", "/a#b", "https://x.test/admin"]) {
      expect(() => parseBasePath(bad), bad).toThrow(/BASE_PATH must look like \/admin/);
    }
  });

  it("builds a base path into its own folder, never .next", () => {
    expect(distDirFor("")).toBe(".next");
    expect(distDirFor("/admin")).toBe(".next-base/admin");
    expect(distDirFor("/tools/admin")).toBe(".next-base/tools/admin");
  });

  it("prefixes client fetches with the build's base path", () => {
    // Outside a Next build nothing inlines NEXT_PUBLIC_BASE_PATH: the root.
    expect(withBasePath("/api/v1/users")).toBe(`${process.env.NEXT_PUBLIC_BASE_PATH ?? ""}/api/v1/users`);
  });
});

describe("BETTER_AUTH_URL with a base path", () => {
  const env = { BETTER_AUTH_URL: "https://example.com/admin", BASE_PATH: "/admin" };

  it("keeps the origin for Better Auth and the base path apart", () => {
    expect(parseConfig(env)).toMatchObject({ baseUrl: "https://example.com", basePath: "/admin" });
    expect(parseConfig({ ...env, BETTER_AUTH_URL: "https://example.com/admin/" })).toMatchObject({ baseUrl: "https://example.com" });
    expect(parseConfig({ ...env, BETTER_AUTH_URL: "https://example.com" })).toMatchObject({ baseUrl: "https://example.com", basePath: "/admin" });
    expect(parseConfig({ PORT: "4000" })).toMatchObject({ baseUrl: "http://localhost:4000", basePath: "" });
  });

  it("refuses a URL path that is not BASE_PATH, naming both", () => {
    expect(() => parseConfig({ BETTER_AUTH_URL: "https://example.com/admin" })).toThrow(ConfigError);
    expect(() => parseConfig({ BETTER_AUTH_URL: "https://example.com/admin" })).toThrow("set BASE_PATH=/admin as well");
    expect(() => parseConfig({ ...env, BETTER_AUTH_URL: "https://example.com/other" })).toThrow("BETTER_AUTH_URL's path (/other) must be BASE_PATH (/admin) or none");
    expect(() => parseConfig({ BASE_PATH: "admin" })).toThrow(ConfigError);
    expect(() => parseConfig({ BETTER_AUTH_URL: "example.com" })).toThrow(/BETTER_AUTH_URL must be a URL/);
  });
});

describe("the package's CLI and a base path", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("sees a base path in BASE_PATH or in the dashboard's URL", () => {
    expect(basePathRequested(undefined, "http://localhost:3001")).toBeNull();
    expect(basePathRequested("/", "http://localhost:3001/")).toBeNull();
    expect(basePathRequested("/admin", "http://localhost:3001")).toBe("/admin");
    expect(basePathRequested(undefined, "https://example.com/admin")).toBe("/admin");
  });

  it("refuses BASE_PATH before starting anything, and says what to do instead", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    vi.stubEnv("BASE_PATH", "/admin");
    // No server folder is needed: the refusal comes first.
    expect(await main(["start"], "/nonexistent")).toBe(2);
    expect(errors.join("\n")).toMatch(/A base path \(\/admin\) was asked for\. The prebuilt server .* serves at the root/);
    expect(errors.join("\n")).toContain("BASE_PATH=/admin BETTER_AUTH_URL=https://example.com/admin");

    vi.stubEnv("BASE_PATH", "");
    errors.length = 0;
    expect(await main(["start", "--url", "https://example.com/admin"], "/nonexistent")).toBe(2);
    expect(errors.join("\n")).toMatch(/A base path \(\/admin\) was asked for/);
  });
});
