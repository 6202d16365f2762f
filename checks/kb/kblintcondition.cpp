// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kblint_p.h"

#include <QRegularExpression>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

using Severity = KbLintFinding::Severity;
using Type = KbEvidenceKey::Type;
using Comparison = KbEvidenceCondition::Comparison;

QString declaredKeys(const KbArticle &a)
{
    QStringList names;
    for (const KbEvidenceKey &k : a.evidence)
        names << k.name;
    return names.join(u", "_s);
}

QString literalKind(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
        return u"true or false"_s;
    case QMetaType::Double:
        return u"a number"_s;
    default:
        return u"text"_s;
    }
}

// What is wrong with comparing `key` this way; empty when it fits the key's type.
QString typeProblem(const KbEvidenceKey &key, const Comparison &c)
{
    const QString op = KbEvidenceCondition::opText(c.op);
    const bool ordering = KbEvidenceCondition::isOrdering(c.op);
    switch (key.type) {
    case Type::Bool:
        if (ordering)
            return u"bad operator \"%1\" for %2, which is true or false; use = or !="_s.arg(
                op, key.name);
        if (c.value.typeId() != QMetaType::Bool)
            return u"%1 is true or false, not %2; write %1=true or %1=false"_s.arg(
                key.name, literalKind(c.value));
        return {};
    case Type::Number:
        if (c.value.typeId() != QMetaType::Double)
            return u"%1 is a number; compare it with a number such as %1>0, not %2"_s.arg(
                key.name, literalKind(c.value));
        return {};
    case Type::Text:
        if (ordering)
            return u"bad operator \"%1\" for %2, which is text; use = or !="_s.arg(op, key.name);
        return {};
    case Type::List:
        if (c.value.typeId() != QMetaType::Double)
            return u"%1 is a list; compare its length with a number such as %1>0, not %2"_s.arg(
                key.name, literalKind(c.value));
        return {};
    case Type::Map:
        return u"%1 is a %2; a condition compares single values (a count such as PendingCount, "
               "or a true/false key)"_s.arg(key.name, KbEvidenceKey::typeName(key.type));
    }
    return {};
}

QString suggestion(const KbArticle &a, const QString &key)
{
    for (const KbEvidenceKey &k : a.evidence) {
        if (k.name.compare(key, Qt::CaseInsensitive) == 0)
            return u"; did you mean %1?"_s.arg(k.name);
    }
    return {};
}

// "# Evidence: A, B - what the block shows": the keys a block says it looks at.
void lintEvidenceTags(const KbArticle &a, const KbCodeBlock &b, QList<KbLintFinding> &out)
{
    static const QRegularExpression tag(u"^\\s*(?:#|--|//)\\s*Evidence:\\s*(.*?)(?:\\s+-\\s.*)?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression key(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    const QStringList lines = b.text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = tag.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        for (const QString &part : m.captured(1).split(u',')) {
            const QString name = part.trimmed();
            if (key.match(name).hasMatch() && !a.evidenceKey(name)) {
                out << KbLintFinding { a.sourcePath, b.firstTextLine() + int(i), Severity::Error,
                    u"the Evidence tag names \"%1\", which the front matter does not declare; "
                    "declared: %2%3"_s.arg(name, declaredKeys(a), suggestion(a, name)),
                    int(lines.at(i).indexOf(name)) + 1 };
            }
        }
    }
}

// Each comparison's key is declared and fits its type.
void lintKeys(const KbArticle &a, const KbFixCondition &w, QList<KbLintFinding> &out)
{
    for (const QList<Comparison> &all : w.condition.alternatives()) {
        for (const Comparison &c : all) {
            const int column = w.column + c.column - 1;
            const KbEvidenceKey *key = a.evidenceKey(c.key);
            if (!key) {
                out << KbLintFinding { a.sourcePath, w.line, Severity::Error,
                    u"unknown evidence key \"%1\"; declared: %2%3"_s.arg(
                        c.key, declaredKeys(a), suggestion(a, c.key)),
                    column };
            } else if (const QString problem = typeProblem(*key, c); !problem.isEmpty()) {
                out << KbLintFinding { a.sourcePath, w.line, Severity::Error, problem, column };
            }
        }
    }
}

// A variant's "when:" (front matter): it parses and names declared keys; "always" would take
// every result of the check from its own article.
void lintVariantCondition(const KbArticle &a, QList<KbLintFinding> &out)
{
    if (!a.when)
        return;
    const KbFixCondition &w = *a.when;
    if (!w.error.isEmpty()) {
        out << KbLintFinding { a.sourcePath, w.line, Severity::Error, u"when: "_s + w.error,
            w.errorColumn };
    } else if (w.condition.isAlways()) {
        out << KbLintFinding { a.sourcePath, w.line, Severity::Error,
            u"when: a variant is for some results of its check, not all; name them, such as "
            "\"when: Tool=flyway\""_s,
            w.column };
    } else if (a.evidence.isEmpty()) {
        out << KbLintFinding { a.sourcePath, w.line, Severity::Error,
            u"when: the front matter declares no evidence to check the condition against; add "
            "\"evidence: {Key: type, ...}\""_s,
            w.column };
    } else {
        lintKeys(a, w, out);
    }
}

} // namespace

void KbLintCode::lintConditions(const KbArticle &a, QList<KbLintFinding> &out)
{
    const QString &file = a.sourcePath;
    lintVariantCondition(a, out);
    const bool declared = !a.evidence.isEmpty();
    bool undeclaredReported = false;
    for (const KbCodeBlock &b : a.codeBlocks) {
        if (!b.when) {
            if (declared && b.fix) {
                out << KbLintFinding { file, b.line, Severity::Error,
                    u"fix block without a condition; start it with a line such as \"# When: "
                    "%1=false\" (\"-- When:\" in SQL, \"// When:\" in JSON), or \"# When: "
                    "always\"; declared evidence: %2"_s.arg(
                        a.evidence.first().name, declaredKeys(a)) };
            }
            continue;
        }
        const KbFixCondition &w = *b.when;
        if (!b.fix) {
            out << KbLintFinding { file, w.line, Severity::Warning,
                u"a \"When:\" condition only chooses fix blocks under \"How to fix\"; this "
                "block is under \"%1\""_s.arg(b.section),
                w.column };
        }
        if (!w.error.isEmpty()) {
            out << KbLintFinding { file, w.line, Severity::Error, u"condition: "_s + w.error,
                w.errorColumn };
            continue;
        }
        if (!declared) {
            if (!std::exchange(undeclaredReported, true)) {
                out << KbLintFinding { file, w.line, Severity::Warning,
                    u"the front matter declares no evidence, so the condition's keys are not "
                    "checked; add \"evidence: {Key: type, ...}\""_s,
                    w.column };
            }
            continue;
        }
        lintKeys(a, w, out);
        lintEvidenceTags(a, b, out);
    }
    if (declared) {
        for (const KbCodeBlock &b : a.codeBlocks) {
            if (!b.when)
                lintEvidenceTags(a, b, out);
        }
    }
}
