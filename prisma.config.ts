// Prisma 7 reads the datasource url here. The app itself never relies on the
// Prisma CLI at run time (see lib/migrate); this is for users who have it.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/crowsnest" },
});
