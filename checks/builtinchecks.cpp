// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The one file that knows every check: each check folder registers here, so the engine
// (engine/) never includes a check. Adding a check is one line below.
#include "engine/checkregistry.h"
#include "postgres/connectivitycheck.h"
#include "postgres/invalidobjectscheck.h"
#include "postgres/lockscheck.h"
#include "postgres/longtransactionscheck.h"
#include "postgres/migrationscheck.h"
#include "postgres/poolcheck.h"
#include "postgres/replicationcheck.h"
#include "postgres/sequencescheck.h"
#include "postgres/vacuumcheck.h"
#include "postgres/wraparoundcheck.h"

const CheckRegistry &CheckRegistry::builtin()
{
    // Built once, on first use; C++ guarantees thread-safe initialisation of statics.
    static const CheckRegistry registry = [] {
        CheckRegistry r;
        r.add(std::make_unique<ConnectivityCheck>());
        r.add(std::make_unique<MigrationsCheck>());
        r.add(std::make_unique<PoolCheck>());
        r.add(std::make_unique<LocksCheck>());
        r.add(std::make_unique<LongTransactionsCheck>());
        r.add(std::make_unique<InvalidObjectsCheck>());
        r.add(std::make_unique<WraparoundCheck>());
        r.add(std::make_unique<SequencesCheck>());
        r.add(std::make_unique<ReplicationCheck>());
        r.add(std::make_unique<VacuumCheck>());
        return r;
    }();
    return registry;
}
