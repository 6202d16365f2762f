// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// TypeORM's data source for its CLI (typeorm migration:run -d data-source.js): PostgreSQL
// from DATABASE_URL (tests/interop/typeorm/run), the compiled migrations in ./migrations
// and TypeORM's default history table, "migrations".
const { DataSource } = require('typeorm');

module.exports = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  migrations: [`${__dirname}/migrations/*.js`],
});
