// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// KbEvidenceCondition::parse(): the one-line grammar of a fix block's "When:" condition.
//
// Hand-written: the grammar is one line of comparisons joined by "and" and "or", and its
// errors must name the column and the fix. An expression library would accept far more
// (arithmetic, functions, nesting) than a KB author should write or the lint can judge.

#include "kb/kbevidencecondition.h"
#include "kb/kbevidencecondition_p.h"

#include <utility>

using namespace Qt::StringLiterals;
using namespace KbEvidenceConditionPrivate;

namespace {

using Op = KbEvidenceCondition::Op;
using Comparison = KbEvidenceCondition::Comparison;

bool isKeyStart(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
}

bool isKeyChar(QChar c)
{
    return isKeyStart(c) || (c >= u'0' && c <= u'9');
}

class KbEvidenceConditionParser
{
public:
    explicit KbEvidenceConditionParser(const QString &text)
        : m_text(text)
    { }

    KbEvidenceCondition::Parsed run(QList<QList<Comparison>> *alternatives)
    {
        KbEvidenceCondition::Parsed out;
        skipSpace();
        if (atEnd()) {
            fail(u"empty condition; write one such as \"Reachable=false\", or \"always\" for "
                 "a fix that applies to every result with something to fix"_s);
        } else if (m_text.trimmed().compare(u"always"_s, Qt::CaseInsensitive) == 0) {
            return out; // no alternatives: always
        }
        QList<Comparison> current;
        while (m_error.isEmpty()) {
            Comparison c;
            if (!comparison(&c))
                break;
            current << c;
            skipSpace();
            if (atEnd()) {
                *alternatives << current;
                break;
            }
            const QChar ch = m_text.at(m_pos);
            if (ch == u',' || word(u"and"_s)) {
                m_pos += ch == u',' ? 1 : 3;
            } else if (ch == u'|') {
                if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'|') {
                    fail(u"write one \"|\" (or \"or\") between alternatives"_s);
                    break;
                }
                ++m_pos;
                *alternatives << std::exchange(current, {});
            } else if (word(u"or"_s)) {
                m_pos += 2;
                *alternatives << std::exchange(current, {});
            } else if (ch == u'&') {
                fail(u"write \",\" or \"and\" to require both comparisons"_s);
            } else {
                fail(u"expected \",\" (and) or \"|\" (or) after the comparison, found \"%1\""_s.arg(
                    ch));
            }
        }
        if (!m_error.isEmpty()) {
            alternatives->clear();
            out.error = m_error;
            out.column = m_errorColumn;
        }
        return out;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    int column() const { return int(m_pos) + 1; }
    void skipSpace()
    {
        while (!atEnd() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    void fail(const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message;
            m_errorColumn = column();
        }
    }
    // The word at the current position, case-insensitive, not followed by a key character.
    bool word(const QString &w) const
    {
        if (m_text.mid(m_pos, w.size()).compare(w, Qt::CaseInsensitive) != 0)
            return false;
        const qsizetype after = m_pos + w.size();
        return after >= m_text.size() || !isKeyChar(m_text.at(after));
    }

    bool comparison(Comparison *c)
    {
        skipSpace();
        if (atEnd()) {
            fail(u"a comparison is missing at the end; remove the last \",\" or \"|\", or add "
                 "one such as \"Reachable=false\""_s);
            return false;
        }
        if (!isKeyStart(m_text.at(m_pos))) {
            fail(u"expected an evidence key such as Reachable, found \"%1\""_s.arg(
                m_text.at(m_pos)));
            return false;
        }
        c->column = column();
        const qsizetype start = m_pos;
        while (!atEnd() && isKeyChar(m_text.at(m_pos)))
            ++m_pos;
        c->key = m_text.mid(start, m_pos - start);
        for (const QString &reserved : { u"always"_s, u"and"_s, u"or"_s }) {
            if (c->key.compare(reserved, Qt::CaseInsensitive) == 0) {
                m_pos = start;
                fail(reserved == u"always"_s
                        ? u"\"always\" stands alone; remove the other comparisons"_s
                        : u"expected an evidence key before \"%1\""_s.arg(reserved));
                return false;
            }
        }
        skipSpace();
        if (!op(c))
            return false;
        skipSpace();
        return value(c);
    }

    bool op(Comparison *c)
    {
        const QString two = m_text.mid(m_pos, 2);
        static const struct
        {
            const char16_t *text;
            Op op;
        } ops[] = { { u"!=", Op::Ne }, { u">=", Op::Ge }, { u"<=", Op::Le }, { u"=", Op::Eq },
            { u">", Op::Gt }, { u"<", Op::Lt } };
        static const struct
        {
            const char16_t *text;
            const char16_t *hint;
        } wrong[] = { { u"==", u"write \"=\" to compare (one equals sign)" },
            { u"<>", u"write \"!=\" for \"not equal\"" }, { u"=>", u"write \">=\"" },
            { u"=<", u"write \"<=\"" } };
        for (const auto &w : wrong) {
            if (two == QStringView(w.text)) {
                fail(u"bad operator \"%1\": %2"_s.arg(two, QStringView(w.hint)));
                return false;
            }
        }
        for (const auto &o : ops) {
            const QStringView t(o.text);
            if (QStringView(m_text).mid(m_pos).startsWith(t)) {
                const qsizetype start = m_pos;
                c->op = o.op;
                m_pos += t.size();
                if (!atEnd() && QStringView(u"=<>!").contains(m_text.at(m_pos))) {
                    m_pos = start;
                    fail(u"bad operator \"%1\"; use one of =, !=, >, >=, <, <="_s.arg(
                        m_text.mid(start, t.size() + 1)));
                    return false;
                }
                return true;
            }
        }
        fail(atEnd() ? u"expected an operator (=, !=, >, >=, <, <=) after \"%1\""_s.arg(c->key)
                     : u"bad operator after \"%1\": expected one of =, !=, >, >=, <, <=, found "
                       "\"%2\""_s.arg(c->key, m_text.at(m_pos)));
        return false;
    }

    bool value(Comparison *c)
    {
        if (atEnd()) {
            fail(u"expected a value after \"%1%2\" (true, false, a number or text)"_s.arg(
                c->key, KbEvidenceCondition::opText(c->op)));
            return false;
        }
        const QChar quote = m_text.at(m_pos);
        if (quote == u'"' || quote == u'\'') {
            const int open = column();
            QString text;
            for (++m_pos; !atEnd(); ++m_pos) {
                QChar ch = m_text.at(m_pos);
                if (ch == u'\\' && m_pos + 1 < m_text.size())
                    ch = m_text.at(++m_pos);
                else if (ch == quote)
                    break;
                text += ch;
            }
            if (atEnd()) {
                m_pos = open - 1;
                fail(u"the quoted value has no closing %1"_s.arg(quote));
                return false;
            }
            ++m_pos;
            c->value = text;
            return true;
        }
        const qsizetype start = m_pos;
        while (!atEnd() && !endsBareValue(m_text.at(m_pos))) {
            const QChar ch = m_text.at(m_pos);
            if (ch == u'"' || ch == u'\'' || ch == u'=' || ch == u'<' || ch == u'>' || ch == u'!'
                || ch == u'&') {
                fail(u"unexpected \"%1\" in a value; put text with such characters in quotes"_s.arg(
                    ch));
                return false;
            }
            ++m_pos;
        }
        c->value = typedBare(m_text.mid(start, m_pos - start));
        return true;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    QString m_error;
    int m_errorColumn = 0;
};

} // namespace

KbEvidenceCondition::Parsed KbEvidenceCondition::parse(const QString &text)
{
    Parsed out;
    QList<QList<Comparison>> alternatives;
    KbEvidenceConditionParser parser(text);
    out = parser.run(&alternatives);
    out.condition.m_alternatives = alternatives;
    return out;
}
