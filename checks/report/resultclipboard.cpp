// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/resultclipboard.h"

#include "report/resultjson.h"
#include "report/resulttext.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString statusWord(CheckStatus status)
{
    // The CLI's words, upper case so the verdict stands out in a pasted block.
    return Status::key(status).toUpper().replace(u'_', u' ');
}

QString checkedText(const CheckResult &r)
{
    const QString duration = u"%1 ms"_s.arg(r.durationMs);
    if (!r.checkedAt.isValid())
        return duration;
    return u"%1 (%2)"_s.arg(r.checkedAt.toString(u"yyyy-MM-dd HH:mm:ss"_s), duration);
}

// Inside a Markdown table cell: pipes end the cell and a newline ends the row; backslash,
// backtick, asterisk, underscore and angle brackets would start inline syntax or HTML.
QString cell(QString text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text.replace(u'\n', u' ')) {
        if (u"\\`*_|<>[]"_s.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

} // namespace

QString ResultClipboard::targetText(const CheckTarget &t)
{
    if (t.host.isEmpty() && t.port.isEmpty() && t.user.isEmpty())
        return t.database.isEmpty() ? QString() : u"sqlite "_s + t.database;
    QString text = u"postgres "_s + (t.host.isEmpty() ? u"(default host)"_s : t.host);
    if (!t.port.isEmpty())
        text += u':' + t.port;
    if (!t.database.isEmpty())
        text += u'/' + t.database;
    if (!t.user.isEmpty())
        text += u" as "_s + t.user;
    return text;
}

QString ResultClipboard::text(const CheckResult &r)
{
    QStringList lines;
    lines << u"%1  %2 · %3"_s.arg(statusWord(r.status), r.environment, r.checkId);
    if (const QString target = targetText(r.target); !target.isEmpty())
        lines << u"Target: "_s + target;
    lines << u"Checked: "_s + checkedText(r);
    lines << u"Message: "_s + r.message;
    if (!r.evidence.isEmpty()) {
        lines << u"Evidence:"_s;
        for (const auto &[key, value] : r.evidence)
            lines << u"  %1: %2"_s.arg(key, ResultText::evidenceValue(value));
    }
    if (!r.remediation.article.isEmpty())
        lines << u"Article: "_s + r.remediation.article;
    return lines.join(u'\n') + u'\n';
}

QString ResultClipboard::markdown(const CheckResult &r)
{
    QStringList lines;
    lines << u"### %1 · `%2` — **%3**"_s.arg(
        cell(r.environment), r.checkId, statusWord(r.status).toLower());
    lines << QString();
    if (const QString target = targetText(r.target); !target.isEmpty())
        lines << u"- Target: `%1`"_s.arg(target);
    lines << u"- Checked: "_s + checkedText(r);
    lines << u"- Message: "_s + cell(r.message);
    if (!r.remediation.article.isEmpty())
        lines << u"- Article: `%1`"_s.arg(r.remediation.article);
    if (!r.evidence.isEmpty()) {
        lines << QString() << u"| Evidence | Value |"_s << u"|---|---|"_s;
        for (const auto &[key, value] : r.evidence)
            lines << u"| %1 | %2 |"_s.arg(cell(key), cell(ResultText::evidenceValue(value)));
    }
    return lines.join(u'\n') + u'\n';
}

QByteArray ResultClipboard::json(const CheckResult &r, const QString &doctorVersion)
{
    return ResultJson::report({ r }, { r.checkedAt, doctorVersion });
}
