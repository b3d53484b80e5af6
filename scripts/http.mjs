// Talking to a running `next start` over plain HTTP, as a browser would, for the benchmark
// and the two-instance test: free ports, next-auth sign-in, and server actions.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { root } from "./lib.mjs";

/** A TCP port nobody listens on right now (loopback only). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Name=value pairs of every Set-Cookie of a response, merged over the jar's. */
function mergeCookies(jar, response) {
  const out = new Map(jar);
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair.indexOf("=");
    out.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
  return out;
}
const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/**
 * Signs in through next-auth's credentials callback (GET /api/auth/csrf, then POST
 * /api/auth/callback/credentials) and returns the Cookie header that carries the session.
 */
export async function signIn(base, username, password) {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfResponse.json();
  let jar = mergeCookies(new Map(), csrfResponse);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/`, json: "true" }),
  });
  jar = mergeCookies(jar, response);
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`Sign-in as ${username} at ${base} failed (HTTP ${response.status})`);
  return `${session}=${jar.get(session)}`;
}

/** The id Next gave a server action in this build (.next/server/server-reference-manifest.json). */
export function actionId(exportedName, filename, dir = root) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, ".next", "server", "server-reference-manifest.json"), "utf8"));
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName && (!filename || v.filename === filename));
  if (!entry) throw new Error(`Server action ${exportedName} not found in the build manifest`);
  return entry[0];
}

/**
 * What a browser sends to run a server action: POST to a page that imports it, with the
 * action id in the Next-Action header and the arguments as a JSON array. The answer is an
 * RSC stream; the action's return value is its row "1:".
 */
export function actionRequest(base, page, id, args, cookie, extraHeaders = {}) {
  return {
    url: `${base}${page}`,
    init: {
      method: "POST",
      headers: {
        "Next-Action": id,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: base,
        Cookie: cookie,
        ...extraHeaders,
      },
      body: JSON.stringify(args),
    },
  };
}

/** The action's return value out of the RSC answer (the row that carries `ok`). */
export function actionResult(text) {
  for (const line of text.split("\n")) {
    const m = /^[0-9a-f]+:(\{.*"ok":(?:true|false).*\})$/.exec(line);
    if (m) return JSON.parse(m[1]);
  }
  throw new Error(`No action result in the answer: ${text.slice(0, 300)}`);
}

export async function callAction(base, page, id, args, cookie, extraHeaders) {
  const { url, init } = actionRequest(base, page, id, args, cookie, extraHeaders);
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`Action ${id} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return actionResult(text);
}

/**
 * A server action whose one argument is a FormData (file uploads), encoded the way React's
 * encodeReply does: the form's own fields under the prefix "_1_", then part "0", the
 * argument list, which refers to the form as "$K1".
 */
export async function callFormAction(base, page, id, fields, cookie) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  // Last, as React writes it: the server reads a form's entries in order, up to the first other key.
  body.append("0", JSON.stringify(["$K1"]));
  const response = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: base, Cookie: cookie },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Action ${id} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return actionResult(text);
}

/** True when a process above this one is `flock <lockPath> …`: taking the lock again would wait forever. */
function ancestorHoldsLock(lockPath) {
  let pid = process.ppid;
  for (let depth = 0; pid > 1 && depth < 30; depth++) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (/(^|\/)flock$/.test(args[0] ?? "") && args.includes(lockPath)) return true;
      pid = Number(/^PPid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return false; // no /proc: not Linux, take the lock as usual
    }
  }
  return false;
}

/**
 * Runs this script again under the shared build lock (several engineers share one .next): no
 * `next build` rewrites .next while our servers read it. Returns only inside the locked run;
 * the outer process exits with the inner one's status. When the lock is already held by a
 * caller (e.g. `flock /tmp/next-build.lock npm test`), runs as is.
 */
export function holdBuildLock(marker, lockPath = "/tmp/next-build.lock", waitSeconds = 900) {
  if (process.env[marker] || ancestorHoldsLock(lockPath)) return;
  console.log(`Waiting for ${lockPath} (other builds and browser tests)…`);
  const res = spawnSync("flock", ["-w", String(waitSeconds), lockPath, process.execPath, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, [marker]: "1" } });
  process.exit(res.status ?? 1);
}
