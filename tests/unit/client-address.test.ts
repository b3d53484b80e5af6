// Issue 18, finding 9: the address the per-address sign-in limit counts. With no trusted
// proxy, a client-written X-Forwarded-For is ignored; with N proxies, only what they wrote counts.
import { describe, expect, it } from "vitest";
import { clientAddressOf, trustedHops } from "../../scripts/client-address.mjs";

describe("clientAddressOf", () => {
  it("trusts no header by default: a fresh X-Forwarded-For per try does not give a fresh address", () => {
    const hops = trustedHops(undefined);
    expect(hops).toBe(0);
    const seen = new Set(["1.1.1.1", "2.2.2.2", "3.3.3.3, 4.4.4.4"].map((xff) => clientAddressOf(xff, "198.51.100.7", hops)));
    expect([...seen]).toEqual(["198.51.100.7"]);
    expect(clientAddressOf(undefined, "198.51.100.7", hops)).toBe("198.51.100.7");
  });

  it("behind one proxy (nginx $proxy_add_x_forwarded_for) takes the entry that proxy wrote", () => {
    // The client sent "6.6.6.6"; nginx appended the address it saw; the app's peer is nginx.
    expect(clientAddressOf("6.6.6.6, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddressOf("203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
  });

  it("behind two proxies (load balancer, then nginx) skips both", () => {
    expect(clientAddressOf("6.6.6.6, 203.0.113.9, 10.0.0.1", "10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddressOf(["6.6.6.6", "203.0.113.9, 10.0.0.1"], "10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("reads the setting strictly: anything but a whole number 0–10 is 0", () => {
    expect(trustedHops("1")).toBe(1);
    expect(trustedHops("2")).toBe(2);
    for (const bad of ["-1", "abc", "1.5", "99", ""]) expect(trustedHops(bad), bad).toBe(0);
    expect(clientAddressOf("x".repeat(500), "p", 1).length).toBe(100);
  });
});
