// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "kb/kbarticle.h"

#include <QList>
#include <QMap>
#include <QString>

// A KB article as terminal text: prose wrapped without markdown emphasis, code blocks
// verbatim and unindented so a selection pastes exactly the command. Both functions
// return the whole text, every line ending in '\n', prose wrapped at `width` characters
// (a longer word or code line stays whole). The markdown is laid out by KbTextRenderer.
namespace KbText {
// Fix commands appear only for `styles` (for every style when empty); placeholders that
// `values` names are filled in prose and code, the others stay as "<name>".
// A fix block's "When:" line is shown as "When: CONDITION" above its commands.
QString render(const KbArticle &article, const QList<DeploymentStyle> &styles = {},
    const QMap<QString, QString> &values = {}, int width = 80);
// The article as it applies to one result (`doctor kb show --result`): the result and its
// evidence first, then under "How to fix" only the blocks KbFixChoice chooses, each with
// its caption, and a count of the ones left out; "Nothing to do" for a pass, and the
// result's message for a check that did not run, instead of any command. Placeholders
// `values` leaves open are filled from the evidence (KbPlaceholders::fromEvidence).
QString renderForResult(const KbArticle &article, const CheckResult &result,
    const QList<DeploymentStyle> &styles = {}, const QMap<QString, QString> &values = {},
    int width = 80);
} // namespace KbText
