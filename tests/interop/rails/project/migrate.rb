# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# frozen_string_literal: true

# `rails db:migrate` without Rails: ActiveRecord's own migration context over db/migrate,
# the database from DATABASE_URL (tests/interop/rails/run). It writes schema_migrations and
# ar_internal_metadata exactly as the Rails task does (same Migrator).
require "active_record"

ActiveRecord::Base.establish_connection(ENV.fetch("DATABASE_URL"))
ActiveRecord::Base.logger = nil
ActiveRecord::MigrationContext.new([File.join(__dir__, "db/migrate")]).migrate
