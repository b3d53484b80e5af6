// next-auth sets the session cookie's flags itself: httpOnly and SameSite=Lax always, and
// Secure (with the __Secure-/__Host- name prefixes) whenever NEXTAUTH_URL starts with https.
// Our options must leave that to next-auth: overriding cookies or useSecureCookies would lose it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { authOptions } from "@/server/auth/options";

type CookieOption = { name: string; options: Record<string, unknown> };
// Not in next-auth's package exports: loaded by path.
const { defaultCookies } = createRequire(import.meta.url)(path.join(process.cwd(), "node_modules/next-auth/core/lib/cookie.js")) as {
  defaultCookies: (secure: boolean) => Record<"sessionToken" | "csrfToken", CookieOption>;
};

describe("session cookies", () => {
  it("are httpOnly and SameSite=Lax, and Secure with prefixed names on HTTPS", () => {
    const https = defaultCookies(true);
    expect(https.sessionToken).toEqual({ name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    expect(https.csrfToken.name).toBe("__Host-next-auth.csrf-token");
    expect(https.csrfToken.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
    const http = defaultCookies(false);
    expect(http.sessionToken.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
  });

  it("follow NEXTAUTH_URL: the options do not override next-auth's choice", () => {
    expect(authOptions.useSecureCookies).toBeUndefined();
    expect(authOptions.cookies).toBeUndefined();
    // next-auth 4 decides from the configured URL (guards against an upgrade changing that).
    const init = fs.readFileSync(path.join(process.cwd(), "node_modules/next-auth/core/init.js"), "utf8");
    expect(init).toMatch(/useSecureCookies[\s\S]{0,200}url\.base\.startsWith\("https:\/\/"\)/);
  });

  it("are signed with NEXTAUTH_SECRET, which the options read from the environment", () => {
    const source = fs.readFileSync(path.join(process.cwd(), "src/server/auth/options.ts"), "utf8");
    expect(source).toMatch(/secret:\s*process\.env\.NEXTAUTH_SECRET/);
  });
});
