// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Knowledge-base articles: YAML front matter (yaml-cpp) and markdown (md4c).

#include "fuzzsupport.h"
#include "kb/kbparser.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const KbParseResult r = KbParser::parse(input, u"fuzz.md"_s);
    if (!r.ok()) {
        Fuzz::require(r.error.startsWith(u"fuzz.md:"_s), "an error without FILE:LINE", r.error);
        return 0;
    }
    const KbArticle &a = r.article;
    Fuzz::require(!a.checkId.isEmpty(), "an accepted article without checkId");
    Fuzz::require(!a.title.isEmpty(), "an article without a title");
    const int lines = int(input.count('\n') + input.count('\r')) + 1; // an upper bound
    Fuzz::require(a.bodyLine >= 1 && a.bodyLine <= lines + 1, "body line out of range");
    for (const KbSection &s : a.sections)
        Fuzz::require(s.line >= 1 && s.line <= lines, "section line out of range", s.title);
    for (const KbCodeBlock &b : a.codeBlocks)
        Fuzz::require(b.line >= 1 && b.line <= lines, "code block line out of range", b.text);
    for (DeploymentStyle style :
        { DeploymentStyle::Compose, DeploymentStyle::Systemd, DeploymentStyle::Kubernetes })
        a.fixesFor(style);
    a.relatedChecks();
    a.section(u"How to fix"_s);
    return 0;
}
