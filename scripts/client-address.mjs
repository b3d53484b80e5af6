// The client address the per-address sign-in limit counts, from the connection and the
// X-Forwarded-For entries that TRUSTED_PROXY_HOPS proxies in front of the app wrote.
// With no trusted proxy (the default) X-Forwarded-For is ignored: anyone reaching the port
// directly could write a fresh address into it on every try.

/** TRUSTED_PROXY_HOPS: how many reverse proxies stand in front of the app (0 to 10; default 0). */
export function trustedHops(value = process.env.TRUSTED_PROXY_HOPS) {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/**
 * Each proxy appends the address it received the request from, and the app sees the last
 * proxy as the connection's peer. So the chain is [...X-Forwarded-For, peer] and, with N
 * trusted proxies, the client is the entry N places left of the peer; what lies further left
 * came from the client and is ignored.
 * @param {string | string[] | undefined} forwarded
 * @param {string | undefined} peer
 * @param {number} hops
 * @returns {string}
 */
export function clientAddressOf(forwarded, peer, hops) {
  const header = Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "");
  const chain = [...header.split(",").map((s) => s.trim()).filter(Boolean), peer || "unknown"];
  const address = chain[Math.max(0, chain.length - 1 - hops)];
  return address.slice(0, 100);
}
