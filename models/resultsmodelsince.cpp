// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ResultsModel's Since column (issue 18): how long each failing result has been in its
// status, from the run history's status spans. Apart from resultsmodel.cpp, which keeps the
// rows.
#include "resultsmodel.h"

QString ResultsModel::sinceText(qint64 seconds)
{
    constexpr qint64 Minute = 60, Hour = 60 * Minute, Day = 24 * Hour;
    if (seconds < Minute)
        return tr("now"); // the state began with this run, or within the minute before
    if (seconds < Hour)
        return tr("%1 min").arg(seconds / Minute);
    if (seconds < Day)
        return tr("%1 h").arg(seconds / Hour);
    return tr("%1 d").arg(seconds / Day);
}

QString ResultsModel::spanKey(
    const QString &environment, const QString &checkId, const QString &subject)
{
    return environment + u'\x1f' + checkId + u'\x1f' + subject;
}

qint64 ResultsModel::sinceSeconds(const Row &row) const
{
    const CheckResult &r = row.result;
    // Pass and Skipped (not applicable) are no trouble: how long they have been so is noise.
    if (r.status == CheckStatus::Pass || r.status == CheckStatus::Skipped)
        return -1;
    const auto span = m_spans.constFind(spanKey(r.environment, r.checkId, r.subject));
    // A span of another status is from before this result was recorded: no claim yet.
    if (span == m_spans.cend() || span->status != r.status || !span->since.isValid())
        return -1;
    // Up to the result's own check: how long it is known to have been so.
    const QDateTime until = r.checkedAt.isValid() ? r.checkedAt : span->lastSeen;
    return qMax<qint64>(0, span->since.secsTo(until));
}

void ResultsModel::setSpans(const QList<StatusSpan> &spans)
{
    m_spans.clear();
    for (const StatusSpan &s : spans)
        m_spans.insert(spanKey(s.environment, s.checkId, s.subject), s);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, SinceColumn), index(int(m_rows.size()) - 1, SinceColumn));
}

const StatusSpan *ResultsModel::sinceSpan(int row) const
{
    if (row < 0 || row >= m_rows.size() || sinceSeconds(m_rows[row]) < 0)
        return nullptr;
    const CheckResult &r = m_rows[row].result;
    return &*m_spans.constFind(spanKey(r.environment, r.checkId, r.subject));
}
