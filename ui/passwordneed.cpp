// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "passwordneed.h"

#include "config/secretfiles.h"

using namespace Qt::StringLiterals;

bool PasswordNeed::canAskFor(const Environment &env)
{
    const ConnectionSpec &c = env.connection;
    return c.driver == ConnectionSpec::Driver::Postgres && env.configurationError.isEmpty()
        && !c.user.isEmpty() && c.password.isEmpty();
}

bool PasswordNeed::needsPassword(const Environment &env, const QProcessEnvironment &system)
{
    if (!canAskFor(env))
        return false;
    const ConnectionSpec &c = env.connection;
    if (!system.value(u"PGPASSWORD"_s).isEmpty())
        return false;
    // Reading .pgpass the way libpq matches host, port and user is libpq's job; when there
    // is such a file, libpq gets the chance and an authentication failure says the rest.
    if (!SecretFiles::pgpassPath(system).isEmpty())
        return false;
    return c.option(u"passfile"_s).isEmpty() && c.option(u"service"_s).isEmpty();
}

QString PasswordNeed::hostOf(const ConnectionSpec &spec, const QProcessEnvironment &system)
{
    QString host = spec.host;
    if (host.isEmpty())
        host = spec.option(u"hostaddr"_s);
    if (host.isEmpty())
        host = system.value(u"PGHOST"_s);
    return host.toLower();
}

QString PasswordNeed::portOf(const ConnectionSpec &spec, const QProcessEnvironment &system)
{
    if (!spec.port.isEmpty())
        return spec.port;
    const QString port = system.value(u"PGPORT"_s);
    return port.isEmpty() ? u"5432"_s : port;
}

QString PasswordNeed::keyOf(const ConnectionSpec &spec, const QProcessEnvironment &system)
{
    const QString host = hostOf(spec, system);
    return u"%1@%2:%3"_s.arg(
        spec.user, host.isEmpty() ? u"(local socket)"_s : host, portOf(spec, system));
}
