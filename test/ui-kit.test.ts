import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { facetLabelOf, facetValueOf } from "@/components/data-table/facet";
import { initialOf } from "@/components/ui/initial";
import { SimpleTable, type SimpleTableProps } from "@/components/ui/simple-table";
import { contentSecurityPolicy, EMPTY_STYLE_HASH, SONNER_STYLE_HASH } from "@/lib/http/security";

describe("avatar initial", () => {
  it("takes a whole emoji, never half a surrogate pair", () => {
    expect(initialOf("💸 Cash App", "x@example.com")).toBe("💸");
    expect(initialOf("👩‍💻 Dev", "x@example.com")).toBe("👩‍💻");
    expect(initialOf("🇫🇷 Paris", "x@example.com")).toBe("🇫🇷");
    expect(initialOf("𝒜lice", "x@example.com")).toBe("𝒜");
    for (const name of ["💸", "😀 smile", "𝒜lice", "🇫🇷"]) expect(/[\uD800-\uDFFF]/.test(initialOf(name, "").replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""))).toBe(false);
  });
  it("upper-cases letters and falls back to the email, then to ?", () => {
    expect(initialOf("  ada", "a@example.com")).toBe("A");
    expect(initialOf("", "zoe@example.com")).toBe("Z");
    expect(initialOf(" ", " ")).toBe("?");
  });
});

describe("CSP and sonner", () => {
  it("the pinned hash is the stylesheet the installed sonner inserts", () => {
    const src = readFileSync("node_modules/sonner/dist/index.mjs", "utf8");
    const call = /__insertCSS\(("(?:[^"\\]|\\.)*")\)/.exec(src);
    expect(call).not.toBeNull();
    const css = JSON.parse(call?.[1] ?? '""') as string;
    expect(css.length).toBeGreaterThan(1000);
    expect(`sha256-${createHash("sha256").update(css).digest("base64")}`).toBe(SONNER_STYLE_HASH);
  });
  it("style-src allows the nonce and that hash only", () => {
    const csp = contentSecurityPolicy("abc", { dev: false, https: false });
    expect(csp).toContain(`style-src 'self' 'nonce-abc' '${SONNER_STYLE_HASH}' '${EMPTY_STYLE_HASH}';`);
    expect(`sha256-${createHash("sha256").update("").digest("base64")}`).toBe(EMPTY_STYLE_HASH);
    expect(csp).not.toMatch(/style-src [^;]*'unsafe-inline'/);
  });
});

describe("faceted filter values", () => {
  const providers = { options: [{ value: "github", label: "GitHub" }, { value: "credential", label: "Email + password" }], allowCustom: true };
  it("takes the name people read and writes the value Better Auth stores", () => {
    expect(facetValueOf(providers, "GitHub")).toBe("github");
    expect(facetValueOf(providers, "  email + PASSWORD ")).toBe("credential");
    expect(facetValueOf(providers, "github")).toBe("github");
  });
  it("accepts other typed values only where the filter allows them", () => {
    expect(facetValueOf(providers, "gitlab")).toBe("gitlab");
    expect(facetValueOf({ ...providers, allowCustom: false }, "gitlab")).toBeNull();
    expect(facetValueOf(providers, "   ")).toBeNull();
  });
  it("labels a URL value by its option, and a custom value as itself", () => {
    expect(facetLabelOf(providers.options, "github")).toBe("GitHub");
    expect(facetLabelOf(providers.options, "gitlab")).toBe("gitlab");
  });
});

describe("SimpleTable", () => {
  type Row = { id: string; name: string };
  const rows: Row[] = [{ id: "a", name: "Ada" }, { id: "b", name: "Bo <b>" }];
  const render = (props: Partial<SimpleTableProps<Row>>) =>
    renderToStaticMarkup(createElement(SimpleTable<Row>, { rows, rowKey: (r) => r.id, empty: "Nothing here.", columns: [], ...props }));

  it("renders a header per shown column, a row per item with its data attributes, and leaves `false` columns out", () => {
    const html = render({
      label: "People",
      rowData: (r) => ({ "data-person": r.id }),
      columns: [{ header: "Name", className: "whitespace-nowrap", cell: (r) => r.name }, false, { header: "Actions", srOnlyHeader: true, cell: (r) => `x${r.id}` }],
    });
    expect(html).toContain('aria-label="People"');
    expect(html.match(/<th scope="col">/g)).toHaveLength(2);
    expect(html).toContain('<th scope="col"><span class="sr-only">Actions</span></th>');
    expect(html).toContain('<tr data-person="b"><td class="whitespace-nowrap">Bo &lt;b&gt;</td><td>xb</td></tr>');
    expect(html.match(/<tr /g)).toHaveLength(2);
  });

  it("says so in a muted line instead of an empty table", () => {
    expect(render({ rows: [], columns: [{ header: "Name", cell: (r) => r.name }] })).toBe('<p class="text-muted-foreground">Nothing here.</p>');
  });
});
