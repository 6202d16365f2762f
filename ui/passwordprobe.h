// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "connection/connectionspec.h"
#include "engine/environment.h"

#include <QFuture>
#include <atomic>
#include <memory>

// Whether a PostgreSQL server wants a password from a role, found the way psql finds it
// before it prompts: connect without one and ask libpq (PQconnectionNeedsPassword). A
// server that lets the role in on trust, peer or a client certificate, or that cannot be
// reached at all, gets no prompt: a password would change nothing there, and the checks
// say what happened.
namespace PasswordProbe {

enum class Outcome {
    Needed, // the server asked for a password (password, md5, scram-sha-256 in pg_hba.conf)
    NotNeeded, // the role got in without one
    Failed, // refused, no answer within the timeout, TLS, not PostgreSQL, a pg_hba reject ...
};

// Blocking, for a worker thread: at most connectTimeoutSec (at least 1 s) plus name lookup.
// Never sends a password: the spec's is dropped and libpq is pointed at no password file
// (the caller has made sure there is neither PGPASSWORD nor a .pgpass to use).
Outcome probe(const ConnectionSpec &spec, int connectTimeoutSec);

// probe() of env's connection with its connect timeout, on a thread pool of the probes' own,
// which waits on the network mostly for nothing (a closed port answers at once, a silent one
// takes the connect timeout): a silent server does not hold up the others on a machine with
// two cores, where the global pool has two threads. The probes of one server keep to the
// environment's per-server limit (Environment::perServerConnections, ServerSlots): 200
// roles on one server are not 200 connections at once. The probes count apart from a run's
// checks, which have their runner's limit: while both go on, a server sees at most twice
// the limit. A probe still waiting for its turn when abandoned becomes true (the refresh it
// was for was cancelled) connects nowhere and gives Failed, so that the next refresh's probes
// do not queue behind it. The future's result is the outcome.
QFuture<Outcome> start(
    const Environment &env, std::shared_ptr<const std::atomic_bool> abandoned = {});

} // namespace PasswordProbe
