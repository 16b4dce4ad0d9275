// Prisma CLI configuration. The CLI runs on its bundled JavaScript/wasm engine (no native engines can
// be downloaded here), which reaches a database only through a driver adapter. Its one job in this
// project is authoring migrations with `prisma migrate diff`, for which a throw-away in-memory PGlite
// is enough; migrations are applied by the project's own runner (src/db/migrations/).
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(new PGlite());
  },
});
