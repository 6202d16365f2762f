// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/checkresult.h"

using namespace Qt::StringLiterals;

QString Status::key(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return u"pass"_s;
    case CheckStatus::Warn:
        return u"warn"_s;
    case CheckStatus::Fail:
        return u"fail"_s;
    case CheckStatus::Error:
        return u"error"_s;
    case CheckStatus::Skipped:
        return u"skipped"_s;
    case CheckStatus::NotRun:
        return u"not_run"_s;
    }
    return {};
}

int Status::rank(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Skipped:
        return 0;
    case CheckStatus::Pass:
        return 1;
    case CheckStatus::Warn:
        return 2;
    case CheckStatus::NotRun:
        return 3;
    case CheckStatus::Error:
        return 4;
    case CheckStatus::Fail:
        return 5;
    }
    return 0;
}

QVariant CheckResult::evidenceValue(const QString &key) const
{
    for (const auto &[k, v] : evidence) {
        if (k == key)
            return v;
    }
    return {};
}
