// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Knex's configuration: PostgreSQL from DATABASE_URL (tests/interop/knex/run), the
// migrations in ./migrations and Knex's default tables (knex_migrations, _lock).
module.exports = {
  client: 'pg',
  connection: process.env.DATABASE_URL,
  migrations: { directory: './migrations' },
};
