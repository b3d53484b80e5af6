// Serves the production build as `next start` does, with one addition: every request's
// X-Forwarded-For is replaced by the one client address the app may trust (see
// client-address.mjs and TRUSTED_PROXY_HOPS in the README). `next start` alone keeps a
// header the client wrote itself, so a client reaching the port directly could choose a new
// address per sign-in try and never meet the per-address limit.
// Usage: node scripts/serve.mjs [-p port] [-H hostname]
import http from "node:http";
import next from "next";
import { clientAddressOf, trustedHops } from "./client-address.mjs";
import { root } from "./lib.mjs";

const args = process.argv.slice(2);
const option = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option("-p") ?? process.env.PORT ?? 3000);
const hostname = option("-H") ?? process.env.HOSTNAME ?? "0.0.0.0";
const hops = trustedHops();

const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const server = http.createServer((req, res) => {
  req.headers["x-forwarded-for"] = clientAddressOf(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Ready on http://${hostname}:${port} (trusted proxy hops: ${hops})`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
