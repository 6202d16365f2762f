// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The front matter of a KB article (checkId, plugin, severity, tags, evidence), read with
// yaml-cpp for KbParser.

#include "kb/kbparser_p.h"

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using KbParserPrivate::location;

namespace {

QString scalarField(
    const YAML::Node &root, const char *key, const QString &path, int baseLine, QString *error)
{
    const YAML::Node node = root[key];
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!node.IsScalar()) {
        *error = location(path, baseLine + node.Mark().line)
            + u"front matter: \"%1\" must be a single value"_s.arg(QLatin1StringView(key));
        return {};
    }
    return QString::fromStdString(node.Scalar()).trimmed();
}

// "evidence:", a map from each evidence key to its type; returns the error ("" when fine).
QString readEvidence(const YAML::Node &root, const QString &path, int baseLine, KbArticle &a)
{
    const YAML::Node evidence = root["evidence"];
    if (!evidence.IsDefined() || evidence.IsNull())
        return {};
    if (!evidence.IsMap()) {
        return location(path, baseLine + evidence.Mark().line)
            + u"front matter: evidence must map each evidence key to its type, such as "
              "\"evidence: {Reachable: bool, PendingCount: number}\""_s;
    }
    static const QList<KbEvidenceKey::Type> types { KbEvidenceKey::Type::Bool,
        KbEvidenceKey::Type::Number, KbEvidenceKey::Type::Text, KbEvidenceKey::Type::List,
        KbEvidenceKey::Type::Map };
    QStringList typeNames;
    for (KbEvidenceKey::Type t : types)
        typeNames << KbEvidenceKey::typeName(t);
    for (const auto &entry : evidence) {
        const int line = baseLine + entry.first.Mark().line;
        if (!entry.first.IsScalar() || !entry.second.IsScalar()) {
            return location(path, line)
                + u"front matter: each evidence entry is \"Key: type\" with a type of %1"_s.arg(
                    typeNames.join(u", "_s));
        }
        KbEvidenceKey key;
        key.name = QString::fromStdString(entry.first.Scalar()).trimmed();
        key.line = line;
        const QString type = QString::fromStdString(entry.second.Scalar()).trimmed();
        const auto i = typeNames.indexOf(type);
        if (i < 0) {
            return location(path, line)
                + u"front matter: evidence \"%1\" has the unknown type \"%2\"; use one of %3"_s.arg(
                    key.name, type, typeNames.join(u", "_s));
        }
        key.type = types.at(i);
        a.evidence.append(key);
    }
    return {};
}

// "articleId" and "when", which make the article a variant of its check's (KbArticle).
// A "when" that does not parse is kept with its error for the lint, like a fix block's.
QString readVariant(const YAML::Node &root, const QString &path, int baseLine, KbArticle &a)
{
    QString error;
    a.articleId = scalarField(root, "articleId", path, baseLine, &error);
    const QString when
        = error.isEmpty() ? scalarField(root, "when", path, baseLine, &error) : QString();
    if (!error.isEmpty() || when.isEmpty())
        return error;
    const YAML::Mark mark = root["when"].Mark();
    KbFixCondition c;
    c.text = when;
    c.line = baseLine + mark.line;
    c.column = mark.column + 1;
    const KbEvidenceCondition::Parsed parsed = KbEvidenceCondition::parse(when);
    c.condition = parsed.condition;
    c.error = parsed.error;
    c.errorColumn = parsed.ok() ? 0 : c.column + parsed.column - 1;
    a.when = c;
    return {};
}

} // namespace

// Reads checkId, plugin, severity, tags, evidence, articleId and when; returns the error
// ("" when fine). The column of a "when:" error counts from the value, as a fix block's does.
QString KbParserPrivate::readFrontMatter(
    const std::string &yaml, const QString &path, int baseLine, KbArticle &a)
{
    try {
        const YAML::Node root = YAML::Load(yaml);
        if (!root.IsMap()) {
            return location(path, baseLine)
                + u"front matter: expected \"key: value\" lines with checkId, plugin, severity "
                  "and tags"_s;
        }
        QString error;
        a.checkId = scalarField(root, "checkId", path, baseLine, &error);
        if (error.isEmpty())
            a.plugin = scalarField(root, "plugin", path, baseLine, &error);
        if (error.isEmpty())
            a.severity = scalarField(root, "severity", path, baseLine, &error);
        if (!error.isEmpty())
            return error;
        // Type queries on a missing key throw in yaml-cpp, hence IsDefined first.
        const YAML::Node tags = root["tags"];
        if (!tags.IsDefined() || tags.IsNull()) {
            // no tags is fine
        } else if (tags.IsScalar()) {
            a.tags.append(QString::fromStdString(tags.Scalar()).trimmed());
        } else if (tags.IsSequence()) {
            for (const YAML::Node &tag : tags) {
                if (!tag.IsScalar()) {
                    return location(path, baseLine + tag.Mark().line)
                        + u"front matter: each tag must be a single word"_s;
                }
                a.tags.append(QString::fromStdString(tag.Scalar()).trimmed());
            }
        } else if (tags.IsMap()) {
            return location(path, baseLine + tags.Mark().line)
                + u"front matter: tags must be a list such as [database, postgres]"_s;
        }
        if (QString evidenceError = readEvidence(root, path, baseLine, a); !evidenceError.isEmpty())
            return evidenceError;
        if (QString variantError = readVariant(root, path, baseLine, a); !variantError.isEmpty())
            return variantError;
    } catch (const YAML::Exception &e) {
        const int line = e.mark.is_null() ? baseLine : baseLine + e.mark.line;
        return location(path, line) + u"front matter: "_s + QString::fromStdString(e.msg);
    }
    if (a.checkId.isEmpty()) {
        return location(path, baseLine - 1)
            + u"front matter has no checkId; add a line such as \"checkId: check.area.name\""_s;
    }
    return {};
}
