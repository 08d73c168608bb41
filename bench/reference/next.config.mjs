import path from "node:path";

// The bench's reference (bench/run.ts): what Next.js itself serves on this machine, with nothing
// of the app's. Built and started beside the app in the same run.
const config = {
  poweredByHeader: false,
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
};

export default config;
