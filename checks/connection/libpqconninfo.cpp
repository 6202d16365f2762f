// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "connection/libpqconninfo.h"

#include <libpq-fe.h>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct ConninfoFree
{
    void operator()(PQconninfoOption *options) const { PQconninfoFree(options); }
};
using ConninfoOptions = std::unique_ptr<PQconninfoOption, ConninfoFree>;

ConninfoOptions conninfoParse(const QByteArray &conninfo)
{
    // A null error pointer: libpq then builds no message, so none can carry a secret.
    return ConninfoOptions(PQconninfoParse(conninfo.constData(), nullptr));
}

} // namespace

namespace LibpqConninfo {

std::optional<Options> parse(const QString &text)
{
    Q_ASSERT(!text.contains(QChar(0)));
    const ConninfoOptions options = conninfoParse(text.toUtf8());
    if (!options)
        return std::nullopt;
    Options set;
    for (const PQconninfoOption *o = options.get(); o->keyword; ++o) {
        if (o->val)
            set.append({ QString::fromUtf8(o->keyword), QString::fromUtf8(o->val) });
    }
    return set;
}

const QStringList &keywords()
{
    static const QStringList list = [] {
        // PQconndefaults() also fills in defaults from the environment and the service file,
        // and returns null when that fails (PGSERVICE naming a missing service). The array
        // PQconninfoParse("") returns has the same keywords without reading either.
        ConninfoOptions options(PQconndefaults());
        if (!options)
            options = conninfoParse(QByteArray(""));
        QStringList k;
        for (const PQconninfoOption *o = options ? options.get() : nullptr; o && o->keyword; ++o)
            k.append(QString::fromUtf8(o->keyword));
        if (conninfoParse("requiressl=0"))
            k.append(u"requiressl"_s);
        return k;
    }();
    return list;
}

bool isKeyword(const QString &key)
{
    return keywords().contains(key);
}

QString storedKey(const QString &key)
{
    return key == u"requiressl" || key == u"ssl" ? u"sslmode"_s : key;
}

} // namespace LibpqConninfo
