// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// EnvironmentReader::readThresholds: an environment's `thresholds:` section, one mapping per
// check (engine/checkthresholds.h has the keys, defaults and bounds).

#include "config/environmentreader_p.h"
#include "engine/checkthresholds.h"

#include <QSet>

using namespace Qt::StringLiterals;

bool EnvironmentReader::readThresholds(const YAML::Node &t, ThresholdValues *values, QString *error)
{
    const QStringList checks = CheckThresholds::checks();
    if (!t.IsMap()) {
        *error = u"%1: 'thresholds' must be a mapping of checks, like "
                 "{long-transactions: {queryWarnSeconds: 60}}; checks with thresholds: %2"_s.arg(
                     where(path, t.Mark()), checks.join(u", "_s));
        return false;
    }
    warnUnknownKeys(t, QSet<QString>(checks.cbegin(), checks.cend()), u"thresholds"_s);
    for (const QString &check : checks) {
        const YAML::Node m = t[check.toStdString()];
        if (!m)
            continue;
        const QString context = u"thresholds.%1"_s.arg(check);
        QSet<QString> keys;
        for (const ThresholdSpec &s : CheckThresholds::all()) {
            if (check == QLatin1StringView(s.check))
                keys.insert(QString::fromLatin1(s.key));
        }
        if (!m.IsMap()) {
            *error = u"%1: '%2' must be a mapping of numbers; its keys: %3"_s.arg(
                where(path, m.Mark()), context,
                QStringList(keys.cbegin(), keys.cend()).join(u", "_s));
            return false;
        }
        warnUnknownKeys(m, keys, context);
        // Every key is read, so the last bad one is the one reported.
        for (const ThresholdSpec &s : CheckThresholds::all()) {
            if (check != QLatin1StringView(s.check) || !m[s.key])
                continue;
            const double v = number(m, s.key, s.defaultValue, s.minimum, s.maximum, context, error);
            values->set.insert(check + u'/' + QLatin1StringView(s.key), v);
        }
        if (!error->isEmpty())
            return false;
        for (const ThresholdSpec &s : CheckThresholds::all()) {
            if (check != QLatin1StringView(s.check) || !s.notAbove)
                continue;
            const QString above = QString::fromLatin1(s.notAbove);
            const double warn = values->value(check, QString::fromLatin1(s.key));
            const double fail = values->value(check, above);
            if (warn > fail) {
                *error = u"%1: %2.%3 (%4) must not be above %2.%5 (%6): a warning above its "
                         "failure would never be seen"_s
                             .arg(where(path, m.Mark()), context, QString::fromLatin1(s.key))
                             .arg(warn)
                             .arg(above)
                             .arg(fail);
                return false;
            }
        }
    }
    return true;
}
