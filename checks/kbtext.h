#pragma once

#include "kbarticle.h"

#include <QList>
#include <QMap>
#include <QString>

// A KB article as terminal text: prose wrapped without markdown emphasis, code blocks
// verbatim and unindented so a selection pastes exactly the command.
namespace KbText {
// Fix commands appear only for `styles` (for every style when empty); placeholders that
// `values` names are filled in prose and code, the others stay as "<name>".
QString render(const KbArticle &article, const QList<DeploymentStyle> &styles = {},
    const QMap<QString, QString> &values = {}, int width = 80);
} // namespace KbText
