// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "connection/connectionspec.h"

#include <QString>

// One password-less connection attempt, watched step by step through libpq's
// non-blocking connect (PQconnectStartParams, PQconnectPoll). Two callers need what it
// learns: the password prompt asks first whether the server wants a password at all (as psql
// does before it prompts: PQconnectionNeedsPassword), and DbSession asks for the SQLSTATE
// of a start-up failure it could not place from the text (a server in another language).
namespace StartupProbe {

struct Result
{
    enum class Outcome {
        Connected, // the role got in without a password (trust, peer, a client certificate)
        Refused, // the server ended the start-up: a password needed, a pg_hba reject, ...
        NoAnswer, // nothing within the timeout, or no socket / no libpq connection at all
    };
    Outcome outcome = Outcome::NoAnswer;
    // Refused only: the server got as far as asking for a password (password, md5,
    // scram-sha-256 in pg_hba.conf); libpq's PQconnectionNeedsPassword.
    bool askedForPassword = false;
    // Refused only: the server's SQLSTATE (five characters) when it refused before asking
    // for a password, read from libpq's PQERRORS_SQLSTATE form "SEVERITY:  SQLSTATE"
    // (fe-protocol3.c); empty otherwise.
    QString sqlState;
};

// Blocking, for a worker thread: at most max(1, timeoutSec) seconds plus name lookup, polled
// against a deadline of its own (libpq's connect_timeout is per host and per attempt). Never
// sends a password: the spec's is dropped and libpq is pointed at a password file that does
// not exist, so ~/.pgpass stays out (a caller that must keep PGPASSWORD out checks it first).
Result run(const ConnectionSpec &spec, int timeoutSec);

} // namespace StartupProbe
