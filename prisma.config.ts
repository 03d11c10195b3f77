// Prisma CLI settings. Only `prisma generate` is used here; migrations are plain SQL applied by the app.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
