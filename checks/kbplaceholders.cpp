#include "kbplaceholders.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
// The look-behind keeps heredocs ("<<eof>") and here-strings out; the name rule keeps
// "< file", "<(cmd)" and "<<EOF" out.
const QRegularExpression &placeholder()
{
    static const QRegularExpression re(u"(?<!<)<([a-z][a-z0-9-]*)>"_s);
    return re;
}
} // namespace

QStringList KbPlaceholders::find(const QString &text)
{
    QStringList names;
    auto it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QString KbPlaceholders::fill(const QString &text, const QMap<QString, QString> &values)
{
    // One pass over the original text, so a value that itself looks like "<name>" is
    // inserted as is and never expanded again.
    QString out;
    out.reserve(text.size());
    qsizetype done = 0;
    auto it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const auto value = values.constFind(m.captured(1));
        if (value == values.cend())
            continue;
        out += QStringView(text).sliced(done, m.capturedStart() - done);
        out += *value;
        done = m.capturedEnd();
    }
    out += QStringView(text).sliced(done);
    return out;
}
