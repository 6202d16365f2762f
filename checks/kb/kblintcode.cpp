// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kblint_p.h"
#include "kb/kbplaceholders.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <algorithm>
#include <optional>
#include <utility>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

using Severity = KbLintFinding::Severity;
const QString Bash = u"/bin/bash"_s;

// Dummy values, so that "<name>" does not read as a redirection to the shell and a
// placeholder inside JSON or YAML looks like the text that will replace it.
QString withDummies(const QString &text)
{
    QMap<QString, QString> values;
    for (const QString &name : KbPlaceholders::find(text))
        values.insert(name, name + u"-value"_s);
    return KbPlaceholders::fill(text, values);
}

// The file line of the block's n-th content line; past the end is the closing fence.
int fileLine(const KbCodeBlock &b, int n)
{
    const int lines = int(b.text.count(u'\n')) + 1;
    return b.firstTextLine() - 1 + std::clamp(n, 1, lines + 1);
}

std::optional<KbLintFinding> checkBash(const QString &file, const KbCodeBlock &b)
{
    QProcess bash;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C"_s); // untranslated messages, whose "line N:" we read
    bash.setProcessEnvironment(env);
    bash.start(Bash, { u"-n"_s });
    if (!bash.waitForStarted(5000)) {
        return KbLintFinding { file, b.line, Severity::Warning,
            u"cannot run %1 to check this block: %2"_s.arg(Bash, bash.errorString()) };
    }
    bash.write(withDummies(b.text).toUtf8() + '\n');
    bash.closeWriteChannel();
    if (!bash.waitForFinished(10000)) {
        bash.kill();
        bash.waitForFinished();
        return KbLintFinding { file, b.line, Severity::Warning,
            u"bash -n did not finish within 10 seconds; the block was not checked"_s };
    }
    if (bash.exitStatus() == QProcess::NormalExit && bash.exitCode() == 0)
        return std::nullopt;
    const QString first
        = QString::fromLocal8Bit(bash.readAllStandardError()).section(u'\n', 0, 0).trimmed();
    static const QRegularExpression located(u"^(?:\\S+: )?line (\\d+): (.*)$"_s);
    const QRegularExpressionMatch m = located.match(first);
    if (m.hasMatch())
        return KbLintFinding { file, fileLine(b, m.captured(1).toInt()), Severity::Error,
            u"bash -n: "_s + m.captured(2) };
    const QString message = first.startsWith(u"bash: "_s) ? first.mid(6) : first;
    return KbLintFinding { file, b.line, Severity::Error,
        u"bash -n: "_s + (message.isEmpty() ? u"the block is not valid shell"_s : message) };
}

std::optional<KbLintFinding> checkYaml(const QString &file, const KbCodeBlock &b)
{
    try {
        YAML::LoadAll(withDummies(b.text).toStdString()); // "---" separated documents are fine
    } catch (const YAML::Exception &e) {
        const int n = e.mark.is_null() ? 1 : e.mark.line + 1;
        return KbLintFinding { file, fileLine(b, n), Severity::Error,
            u"yaml: "_s + QString::fromStdString(e.msg) };
    }
    return std::nullopt;
}

std::optional<KbLintFinding> checkJson(const QString &file, const KbCodeBlock &b)
{
    const QByteArray utf8 = withDummies(b.text).toUtf8();
    QJsonParseError error;
    QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError)
        return std::nullopt;
    const int n = int(utf8.left(error.offset).count('\n')) + 1;
    return KbLintFinding { file, fileLine(b, n), Severity::Error,
        u"json: "_s + error.errorString() };
}

void lintPlaceholders(const QString &file, const KbCodeBlock &b, QList<KbLintFinding> &out)
{
    const QStringList known = KbPlaceholders::known();
    const QStringList lines = b.text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        for (const QString &name : KbPlaceholders::find(lines.at(i))) {
            if (!known.contains(name)) {
                out << KbLintFinding { file, b.firstTextLine() + int(i), Severity::Warning,
                    u"unknown placeholder <%1>; known ones: %2"_s.arg(name, known.join(u", "_s)) };
            }
        }
    }
}

} // namespace

void KbLintCode::lintBlocks(const KbArticle &a, QList<KbLintFinding> &out)
{
    const QString &file = a.sourcePath;
    bool bashMissingReported = false;
    for (const KbCodeBlock &b : a.codeBlocks) {
        std::optional<KbLintFinding> problem;
        if (b.language == u"bash" || b.language == u"sh") {
            if (QFileInfo(Bash).isExecutable())
                problem = checkBash(file, b);
            else if (!std::exchange(bashMissingReported, true))
                problem = KbLintFinding { file, b.line, Severity::Warning,
                    Bash + u" not found; shell blocks were not checked"_s };
        } else if (b.language == u"yaml" || b.language == u"yml") {
            problem = checkYaml(file, b);
        } else if (b.language == u"json") {
            problem = checkJson(file, b);
        } else if (b.language.isEmpty()) {
            problem = KbLintFinding { file, b.line, Severity::Warning,
                u"code block without a language; name it after the fence (bash, yaml, json, "
                "sql) so it is highlighted and checked"_s };
        }
        if (problem)
            out << *problem;
        lintPlaceholders(file, b, out);
    }
}
