// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "kb/kbarticle.h"
#include "kb/kblint.h"

// The code-block checks of KbLint (syntax, placeholders, conditions), apart from the structural
// ones so that each file stays small.
namespace KbLintCode {
void lintBlocks(const KbArticle &article, QList<KbLintFinding> &out);
// The fix blocks' "When:" conditions against the evidence the front matter declares
// (kblintcondition.cpp).
void lintConditions(const KbArticle &article, QList<KbLintFinding> &out);
} // namespace KbLintCode
