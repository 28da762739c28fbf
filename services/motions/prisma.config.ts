import { defineConfig } from 'prisma/config';

// The URL is used only by `prisma migrate` where its engine is available; the service applies its
// migrations itself at start-up (service-kit), and `prisma generate` needs none.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/konsey_motions' },
});
