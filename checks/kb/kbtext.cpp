// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// KbText: an article's header, sections and chosen fixes as terminal text, laid out
// with KbTextRenderer.

#include "kb/kbtext.h"

#include "kb/kbfixchoice.h"
#include "kb/kbplaceholders.h"
#include "kb/kbtextrenderer_p.h"
#include "report/resulttext.h"

using namespace Qt::StringLiterals;

namespace {

// Title, underline, the front matter in one line, and the source of an override.
QStringList header(const KbArticle &a)
{
    const QString title = a.title + u" ("_s + a.checkId + u')';
    QStringList head { title, QString(title.size(), u'='),
        u"severity: %1  plugin: %2  tags: %3"_s.arg(a.severity, a.plugin, a.tags.join(u", "_s)) };
    if (!a.sourcePath.startsWith(u":/"_s))
        head << u"source: "_s + a.sourcePath; // an override from a --kb folder
    return head;
}

} // namespace

QString KbText::render(const KbArticle &a, const QList<DeploymentStyle> &styles,
    const QMap<QString, QString> &values, int width)
{
    const QList<DeploymentStyle> shown = styles.isEmpty() ? Deployment::all() : styles;
    KbTextRenderer r(width, values);
    r.block(header(a));
    for (const KbSection &s : a.sections) {
        r.block({ s.title.toUpper() });
        const bool fixes = s.title.compare(u"How to fix"_s, Qt::CaseInsensitive) == 0;
        r.render(s.markdown, fixes ? &shown : nullptr);
        for (DeploymentStyle style : fixes ? shown : QList<DeploymentStyle>()) {
            if (a.fixesFor(style).isEmpty())
                r.block(
                    { u"(This article has no commands for %1.)"_s.arg(Deployment::title(style)) });
        }
    }
    return r.text();
}

QString KbText::renderForResult(const KbArticle &a, const CheckResult &result,
    const QList<DeploymentStyle> &styles, const QMap<QString, QString> &values, int width)
{
    const QList<DeploymentStyle> shown = styles.isEmpty() ? Deployment::all() : styles;
    const QList<DeploymentStyle> none;
    // As in the result's remediation (KbLibrary::attachRemediation): the evidence fills what
    // the caller's values leave open.
    QMap<QString, QString> filled = KbPlaceholders::fromEvidence(result.evidence);
    filled.insert(values);
    KbTextRenderer r(width, filled);
    r.block(header(a));
    r.block({ u"RESULT"_s });
    r.paragraph(u"%1 · %2 — %3"_s.arg(result.environment.isEmpty() ? u"-"_s : result.environment,
        Status::key(result.status), result.message));
    QStringList evidence;
    for (const auto &[key, value] : result.evidence)
        evidence << u"    "_s + key + u": "_s + ResultText::evidenceValue(value);
    if (!evidence.isEmpty())
        r.block(evidence);
    for (const KbSection &s : a.sections) {
        r.block({ s.title.toUpper() });
        if (s.title.compare(u"How to fix"_s, Qt::CaseInsensitive) != 0) {
            r.render(s.markdown, nullptr);
            continue;
        }
        const KbFixChoice first = KbFixChoice::choose(a, shown.first(), &result);
        if (first.verdict == KbFixChoice::Verdict::NothingToDo) {
            r.paragraph(u"Nothing to do: the check passed."_s);
            continue;
        }
        if (first.verdict == KbFixChoice::Verdict::NotRun) {
            r.paragraph(u"The check did not run, so there is nothing to fix here: "_s
                + (first.reason.isEmpty() ? u"no reason given."_s : first.reason));
            continue;
        }
        r.render(s.markdown, &none); // the introduction; the subsections come chosen below
        for (DeploymentStyle style : shown) {
            const KbFixChoice choice = KbFixChoice::choose(a, style, &result);
            const QString heading = Deployment::title(style);
            r.block({ heading, QString(heading.size(), u'-') });
            for (const KbCodeBlock &b : choice.matching) {
                r.paragraph(b.caption);
                r.code(b.text, KbFixChoice::conditionText(b));
            }
            if (choice.matching.isEmpty())
                r.paragraph(u"No fix for %1 matches this result's evidence."_s.arg(heading));
            if (!choice.other.isEmpty())
                r.paragraph(
                    (choice.other.size() == 1
                            ? u"(1 other fix for %1 does not match this result; "_s.arg(heading)
                            : u"(%1 other fixes for %2 do not match this result; "_s
                                  .arg(choice.other.size())
                                  .arg(heading))
                    + u"'doctor kb show %1' without --result lists every one.)"_s.arg(a.checkId));
        }
    }
    return r.text();
}
