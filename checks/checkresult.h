#pragma once

#include "deploymentstyle.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>

// The one result contract shared by the GUI, the CLI, JSON output and the tests.
// Plain values only: results are built on worker threads and copied to the UI thread.

enum class CheckStatus { Pass, Warn, Fail, Error, Skipped };

namespace Status {
QString key(CheckStatus status); // "pass", "warn", "fail", "error", "skipped"
// Higher is worse; used for an environment's badge and the CLI's exit code.
int rank(CheckStatus status);
} // namespace Status

struct FixSuggestion
{
    DeploymentStyle deployment = DeploymentStyle::Compose;
    QString title;
    QString command;
};

struct Remediation
{
    QString article; // KB article id, which is the check id
    QStringList runbooks;
    QList<FixSuggestion> fixes;
};

struct MigrationEntry
{
    enum class State { Applied, Pending, NotExpected };
    QString id;
    QString productVersion;
    State state = State::Applied;
    int position = 0; // 1-based place in the expected set, 0 when not expected
};

using Evidence = QList<QPair<QString, QVariant>>; // ordered key/value

struct CheckResult
{
    QString environment;
    QString checkId;
    QString plugin;
    CheckStatus status = CheckStatus::Skipped;
    QString severity;
    QString category;
    QString message;
    qint64 durationMs = 0;
    Evidence evidence;
    Remediation remediation;
    QList<MigrationEntry> migrations; // applied + pending rows, for the dashboard's table
    quint64 generation = 0; // the run this result belongs to

    QVariant evidenceValue(const QString &key) const;
};

Q_DECLARE_METATYPE(CheckResult)
