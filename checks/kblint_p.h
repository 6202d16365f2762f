#pragma once

#include "kbarticle.h"
#include "kblint.h"

// The code-block checks of KbLint (syntax and placeholders), apart from the structural
// ones so that each file stays small.
namespace KbLintCode {
void lintBlocks(const KbArticle &article, QList<KbLintFinding> &out);
} // namespace KbLintCode
