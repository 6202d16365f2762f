// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

class QCommandLineParser;

// `doctor store init URL` and `doctor store upgrade URL`: the only commands that change the
// shared results store's schema (DDL), run by its owner; `doctor run --store URL` (the
// scheduled job) never does. Both print the GRANT statements a writer role (the job) and a
// read-only role (the dashboard's fleet view) need on the store's schema.
namespace DoctorStore {

// init: creates the store's tables and the `latest` view in the URL's current schema; a store
// already at this doctor's version is left as it is (exit 0); an older one is refused
// ("run doctor store upgrade URL"). upgrade: brings an existing store to this version in one
// transaction; a missing one is refused ("run doctor store init URL"). Returns
// ExitCode::AllPassed, Usage (no or a non-postgresql:// URL) or StoreFailed (the store's
// error, naming it without its password, on stderr).
int run(const QCommandLineParser &p);

} // namespace DoctorStore
