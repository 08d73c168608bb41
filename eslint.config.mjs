import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// Layers import only downward (ARCHITECTURE.md): app → trpc → server/trpc → domains → db and
// integrations → lib; components use lib, i18n and the tRPC glue, never app or server internals.
// Type-only imports may cross (a component names a server type it is handed), values may not.
const layer = (name) => [`@/${name}`, `@/${name}/*`];
// Tests wire whole stacks together (a seeded program, a router caller): the layers bind the product code.
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];
const rule = (groups) => [
  "error",
  { patterns: groups.map(([group, message]) => ({ group, message, allowTypeImports: true })) },
];
const up = (what) => `${what} is a higher layer; imports point down only (ARCHITECTURE.md, Layers)`;

const APP = [layer("app"), up("app")];
const COMPONENTS = [layer("components"), up("components")];
const TRPC_GLUE = [layer("trpc"), up("the React tRPC glue")];
const SCRIPTS = [layer("server/scripts"), "seeds and command-line tools are called by nobody"];
const SERVER_TRPC = [layer("server/trpc"), up("the routers")];
const AUTH = [layer("server/auth"), up("the Auth.js wiring")];
const JOBS = [layer("server/jobs"), up("the job queue")];
const DOMAINS = [["@/server/domains/*", "!@/server/domains/errors"], up("the domain services")];
const INTEGRATIONS = [layer("server/integrations"), up("the integrations")];
const SECURITY = [layer("server/security"), up("the request-security helpers")];
const SERVER = [layer("server"), "lib and i18n are pure helpers: no server code"];

const layerRules = [
  {
    files: ["src/lib/**"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": rule([
        APP,
        COMPONENTS,
        TRPC_GLUE,
        SERVER,
        [layer("i18n"), up("i18n")],
      ]),
    },
  },
  {
    files: ["src/components/**"],
    ignores: TESTS,
    rules: { "@typescript-eslint/no-restricted-imports": rule([APP, SERVER]) },
  },
  {
    files: ["src/trpc/**"],
    ignores: TESTS,
    rules: { "@typescript-eslint/no-restricted-imports": rule([APP, COMPONENTS, SERVER]) },
  },
  {
    files: ["src/server/db/**"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": rule([
        APP,
        COMPONENTS,
        TRPC_GLUE,
        SCRIPTS,
        SERVER_TRPC,
        AUTH,
        JOBS,
        DOMAINS,
        INTEGRATIONS,
        SECURITY,
      ]),
    },
  },
  {
    files: ["src/server/integrations/**", "src/server/security/**"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": rule([
        APP,
        COMPONENTS,
        TRPC_GLUE,
        SCRIPTS,
        SERVER_TRPC,
        AUTH,
        JOBS,
        DOMAINS,
      ]),
    },
  },
  {
    files: ["src/server/domains/**"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": rule([APP, COMPONENTS, TRPC_GLUE, SCRIPTS, SERVER_TRPC, AUTH]),
    },
  },
  {
    files: ["src/server/jobs/**", "src/server/auth/**"],
    ignores: TESTS,
    rules: { "@typescript-eslint/no-restricted-imports": rule([APP, COMPONENTS, TRPC_GLUE, SCRIPTS, SERVER_TRPC]) },
  },
  {
    files: ["src/server/trpc/**"],
    ignores: TESTS,
    rules: { "@typescript-eslint/no-restricted-imports": rule([APP, COMPONENTS, TRPC_GLUE, SCRIPTS]) },
  },
  {
    files: ["src/app/**", "src/i18n/**", "src/proxy.ts"],
    ignores: TESTS,
    rules: { "@typescript-eslint/no-restricted-imports": rule([SCRIPTS]) },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  ...layerRules,
  {
    // A delete or update without a where clause rewrites the whole table.
    files: ["src/**/*.ts", "src/**/*.tsx", "bench/**/*.ts"],
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    ignores: [
      ".next/**",
      "bench/reference/.next/**",
      "node_modules/**",
      ".data/**",
      ".data-*/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
      "e2e/artifacts/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
