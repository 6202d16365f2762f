// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "kb/kbarticle.h"

#include <QByteArray>
#include <QString>

// Reads a knowledge-base article: the YAML front matter with yaml-cpp (kbfrontmatter.cpp),
// the markdown's structure with md4c (kbmarkdownwalker.cpp), each line number as in the
// file.

struct KbParseResult
{
    KbArticle article; // as far as it was read; use it only when ok()
    QString error; // "FILE:LINE: what is wrong"; empty on success
    bool ok() const { return error.isEmpty(); }
};

namespace KbParser {
// Larger inputs are rejected with an error rather than parsed.
inline constexpr qsizetype MaxArticleBytes = 1024 * 1024;

// MARKDOWN is the file's bytes (UTF-8; a BOM and CR or CRLF line ends are fine); SOURCEPATH
// names it in errors and becomes KbArticle::sourcePath. Errors: no or unclosed front
// matter, front matter that is not YAML or has a field of the wrong shape, no checkId, an
// input over MaxArticleBytes. Never throws and never crashes, whatever the bytes: problems
// come back in error.
KbParseResult parse(const QByteArray &markdown, const QString &sourcePath);
} // namespace KbParser
