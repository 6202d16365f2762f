#include "checkregistry.h"

#include "postgres/connectivitycheck.h"
#include "postgres/migrationscheck.h"
#include "postgres/poolcheck.h"

void CheckRegistry::add(std::unique_ptr<Check> check)
{
    Q_ASSERT(!find(check->id()));
    m_checks.push_back(std::move(check));
}

const Check *CheckRegistry::find(const QString &id) const
{
    for (const auto &c : m_checks) {
        if (c->id() == id)
            return c.get();
    }
    return nullptr;
}

QList<const Check *> CheckRegistry::checks() const
{
    QList<const Check *> list;
    for (const auto &c : m_checks)
        list << c.get();
    return list;
}

QStringList CheckRegistry::ids() const
{
    QStringList list;
    for (const auto &c : m_checks)
        list << c->id();
    return list;
}

const CheckRegistry &CheckRegistry::builtin()
{
    // Built once, on first use; C++ guarantees thread-safe initialisation of statics.
    static const CheckRegistry registry = [] {
        CheckRegistry r;
        r.add(std::make_unique<ConnectivityCheck>());
        r.add(std::make_unique<MigrationsCheck>());
        r.add(std::make_unique<PoolCheck>());
        return r;
    }();
    return registry;
}
