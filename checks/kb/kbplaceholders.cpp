// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kbplaceholders.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
// The look-behind keeps heredocs ("<<eof>") and here-strings out; the name rule keeps
// "< file", "<(cmd)" and "<<EOF" out.
const QRegularExpression &placeholder()
{
    static const QRegularExpression re(u"(?<!<)<([a-z][a-z0-9-]*)>"_s);
    return re;
}
} // namespace

QStringList KbPlaceholders::find(const QString &text)
{
    QStringList names;
    auto it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QString KbPlaceholders::fill(const QString &text, const QMap<QString, QString> &values)
{
    // One pass over the original text, so a value that itself looks like "<name>" is
    // inserted as is and never expanded again.
    QString out;
    out.reserve(text.size());
    qsizetype done = 0;
    auto it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const auto value = values.constFind(m.captured(1));
        if (value == values.cend())
            continue;
        out += QStringView(text).sliced(done, m.capturedStart() - done);
        out += *value;
        done = m.capturedEnd();
    }
    out += QStringView(text).sliced(done);
    return out;
}

QStringList KbPlaceholders::known()
{
    // Where the values come from: the environments file ("placeholders:"), the demo, or
    // `doctor kb show --set name=value`.
    return { u"ca-file"_s, u"compose-file"_s, u"db-host"_s, u"db-name"_s, u"db-port"_s,
        u"db-service"_s, u"db-user"_s, u"namespace"_s, u"platform-app-label"_s,
        u"platform-deployment"_s, u"platform-pod"_s, u"platform-secret"_s, u"platform-version"_s,
        u"postgres-app-label"_s, u"postgres-pod"_s, u"postgres-statefulset"_s, u"secret-env-file"_s,
        u"service-name"_s };
}
