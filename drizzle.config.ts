import { defineConfig } from "drizzle-kit";

// Generation needs no database; `npm run db:migrate` applies the SQL through our own client.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema/index.ts",
  out: "./drizzle",
});
