// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kblibrary.h"

#include "engine/environment.h"
#include "kb/kbfixchoice.h"
#include "kb/kbparser.h"
#include "kb/kbplaceholders.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

void KbLibrary::load(const QStringList &extraDirs)
{
    m_articles.clear();
    m_variants.clear();
    m_errors.clear();
    loadDir(u":/kb"_s);
    for (const QString &dir : extraDirs)
        loadDir(dir);
}

void KbLibrary::loadDir(const QString &dir)
{
    if (!QFileInfo(dir).isDir()) {
        m_errors.append(
            dir + u": knowledge-base folder not found; check the path in the settings"_s);
        return;
    }
    const QStringList files = articleFiles(dir);
    for (const QString &file : files)
        loadFile(file);
}

QStringList KbLibrary::articleFiles(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, { u"*.md"_s }, QDir::Files,
        QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

void KbLibrary::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors.append(path + u":1: cannot read the article: "_s + file.errorString());
        return;
    }
    // One byte over the limit is enough for the parser to reject an oversized file,
    // without reading all of it.
    const KbParseResult parsed = KbParser::parse(file.read(KbParser::MaxArticleBytes + 1), path);
    if (!parsed.ok()) {
        m_errors.append(parsed.error);
        return;
    }
    if (parsed.article.isVariant())
        m_variants.insert(parsed.article.articleId, parsed.article);
    else
        m_articles.insert(parsed.article.checkId, parsed.article);
}

const KbArticle *KbLibrary::article(const QString &id) const
{
    if (const auto it = m_articles.constFind(id); it != m_articles.cend())
        return &it.value();
    const auto it = m_variants.constFind(id);
    return it == m_variants.cend() ? nullptr : &it.value();
}

const KbArticle *KbLibrary::articleFor(const CheckResult &result) const
{
    // Variants are few (one per migration tool), so a scan costs less than an index would.
    for (const KbArticle &v : m_variants) {
        if (v.checkId == result.checkId && v.variantFor(result.evidence))
            return &v;
    }
    return article(result.checkId);
}

QList<KbArticle> KbLibrary::articles() const
{
    return m_articles.values();
}

QList<KbArticle> KbLibrary::variants() const
{
    return m_variants.values();
}

QStringList KbLibrary::errors() const
{
    return m_errors;
}

void KbLibrary::attachRemediation(CheckResult *r, const Environment &env) const
{
    const KbArticle *a = articleFor(*r);
    if (!a)
        return;
    if (a->isVariant())
        r->remediation.article = a->articleId;
    r->remediation.runbooks << a->sourcePath;
    // The environment's values win: a user who set one meant it.
    QMap<QString, QString> values = KbPlaceholders::fromEvidence(r->evidence);
    values.insert(env.placeholders);
    r->remediation.fixes = KbFixChoice::suggestions(*a, *r, values);
}
