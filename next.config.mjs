import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
    // The proxy (src/proxy.ts) runs before every route, and Next buffers at most this much of a
    // request body for it: past it the route would see a cut-off body. An asset upload is up to
    // 50 MB plus its multipart framing; the upload route refuses a larger Content-Length itself.
    proxyClientMaxBodySize: "51mb",
  },
  async headers() {
    // The Content-Security-Policy (with a per-request nonce) is set by src/proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
