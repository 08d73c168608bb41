// The production server (`node scripts/server.mjs [port]`): Next.js's own request handler
// behind a plain HTTP server that records who is on the other end of the socket.
//
// `next start` keeps a client-sent X-Forwarded-For as it is and only fills it in when absent,
// so the app could not tell a client's claim from the truth. Here the socket's peer is
// appended to the chain, exactly as a reverse proxy does; the app then reads the chain from
// the right, believing only the proxies named in TRUSTED_PROXIES (src/lib/trusted-proxies.ts).
import http from "node:http";

process.env.NODE_ENV ||= "production";
process.env.NEXT_TELEMETRY_DISABLED ||= "1";

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${process.argv[2] ?? process.env.PORT}`);
  process.exit(1);
}
// The app's default APP_URL (src/lib/env.ts) is http://localhost:<PORT>: the port given here counts.
process.env.PORT = String(port);
// Unset: every interface, as `next start` does.
const hostname = process.env.HOSTNAME || undefined;

/** "::ffff:1.2.3.4" (an IPv4 client on a dual-stack socket) → "1.2.3.4". */
function peerAddress(address) {
  if (!address) return undefined;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** Appends the socket peer to X-Forwarded-For and drops X-Real-IP, which only a proxy may set. */
function recordPeer(req) {
  delete req.headers["x-real-ip"];
  const peer = peerAddress(req.socket.remoteAddress);
  // Node joins repeated X-Forwarded-For headers into one comma-separated value.
  const existing = req.headers["x-forwarded-for"];
  if (peer) req.headers["x-forwarded-for"] = existing ? `${existing}, ${peer}` : peer;
  else delete req.headers["x-forwarded-for"]; // a closed socket: let nothing stand in for the peer
}

const { default: next } = await import("next");
const app = next({ dev: false, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  recordPeer(req);
  handle(req, res).catch((error) => {
    console.error(`Failed to handle ${req.method} ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (error) => {
  console.error("Failed to start the server:", error);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`> Tierwise listening on http://${hostname ?? "localhost"}:${port}`);
});

// The app's own handlers (src/server/boot.ts) close the database and exit; stop taking
// requests first, and exit anyway if nothing else does within ten seconds.
// `on`, not `once`: Ctrl+C under `npm run demo` arrives twice (from the terminal and from demo.mjs),
// and with no listener left the second would kill the process before the database is closed.
let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
