// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kblint_p.h"
#include "kb/kbplaceholders.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
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

// bash -n's first message for one block, as a finding at its file line; none when it passed.
std::optional<KbLintFinding> bashFinding(
    const QString &file, const KbCodeBlock &b, int exitCode, const QString &stderrText)
{
    if (exitCode == 0)
        return std::nullopt;
    const QString first = stderrText.section(u'\n', 0, 0).trimmed();
    static const QRegularExpression located(u"^(?:\\S+: )?line (\\d+): (.*)$"_s);
    const QRegularExpressionMatch m = located.match(first);
    if (m.hasMatch())
        return KbLintFinding { file, fileLine(b, m.captured(1).toInt()), Severity::Error,
            u"bash -n: "_s + m.captured(2) };
    const QString message = first.startsWith(u"bash: "_s) ? first.mid(6) : first;
    return KbLintFinding { file, b.line, Severity::Error,
        u"bash -n: "_s + (message.isEmpty() ? u"the block is not valid shell"_s : message) };
}

// Checks the shell blocks of one article with `bash -n`, all in one process started from
// here: the blocks go into files, and a bash loop runs `bash -n` on each. One fork of this
// process per article rather than one per block: under ASan a fork of the doctor costs a
// large part of a second (its shadow memory), which made `doctor kb lint` of the shipped KB
// take most of a minute in the sanitizer stage. Returns a finding (or none) per block, in
// their order; every block gets the same warning when bash cannot be run.
QList<std::optional<KbLintFinding>> checkBash(
    const QString &file, const QList<const KbCodeBlock *> &blocks)
{
    QList<std::optional<KbLintFinding>> out(blocks.size());
    const auto all = [&](const QString &warning) {
        for (qsizetype i = 0; i < blocks.size(); ++i)
            out[i] = KbLintFinding { file, blocks.at(i)->line, Severity::Warning, warning };
        return out;
    };
    QTemporaryDir dir;
    if (!dir.isValid())
        return all(
            u"cannot make a temporary folder to check this block: %1"_s.arg(dir.errorString()));
    QStringList files;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QFile f(dir.filePath(QString::number(i)));
        const QByteArray text = withDummies(blocks.at(i)->text).toUtf8() + '\n';
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            return all(
                u"cannot write %1 to check this block: %2"_s.arg(f.fileName(), f.errorString()));
        files << f.fileName();
    }
    QProcess bash;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C"_s); // untranslated messages, whose "line N:" we read
    bash.setProcessEnvironment(env);
    // stdin, not the file name, so that messages read "bash: line N: ..." as before.
    const QStringList arguments = QStringList {
        u"-c"_s, u"for f; do %1 -n <\"$f\" 2>\"$f.err\"; echo $?; done"_s.arg(Bash), Bash
    } + files;
    bash.start(Bash, arguments);
    if (!bash.waitForStarted(5000))
        return all(u"cannot run %1 to check this block: %2"_s.arg(Bash, bash.errorString()));
    bash.closeWriteChannel();
    const int budgetMs = 10000 + 1000 * int(blocks.size());
    if (!bash.waitForFinished(budgetMs)) {
        bash.kill();
        bash.waitForFinished();
        return all(u"bash -n did not finish within %1 seconds; the block was not checked"_s.arg(
            budgetMs / 1000));
    }
    const QList<QByteArray> codes = bash.readAllStandardOutput().split('\n');
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        bool ok = false;
        const int code = i < codes.size() ? codes.at(i).toInt(&ok) : -1;
        if (!ok) {
            out[i] = KbLintFinding { file, blocks.at(i)->line, Severity::Warning,
                u"bash -n gave no answer for this block; it was not checked"_s };
            continue;
        }
        QFile err(files.at(i) + u".err"_s);
        const QString text
            = err.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(err.readAll()) : QString();
        out[i] = bashFinding(file, *blocks.at(i), code, text);
    }
    return out;
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
    const auto isShell
        = [](const KbCodeBlock &b) { return b.language == u"bash" || b.language == u"sh"; };
    const bool haveBash = QFileInfo(Bash).isExecutable();
    QList<const KbCodeBlock *> shell;
    for (const KbCodeBlock &b : a.codeBlocks)
        if (isShell(b))
            shell << &b;
    const QList<std::optional<KbLintFinding>> shellFindings = haveBash && !shell.isEmpty()
        ? checkBash(file, shell)
        : QList<std::optional<KbLintFinding>>();
    qsizetype nextShell = 0;
    bool bashMissingReported = false;
    for (const KbCodeBlock &b : a.codeBlocks) {
        std::optional<KbLintFinding> problem;
        if (isShell(b)) {
            if (haveBash)
                problem = shellFindings.at(nextShell++);
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
