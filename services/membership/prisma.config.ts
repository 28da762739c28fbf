import { defineConfig } from 'prisma/config';

// The URL is only needed by `prisma migrate` where its engine is available; services apply
// migrations themselves (service-kit), and `prisma generate` needs none.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/konsey_membership' },
});
