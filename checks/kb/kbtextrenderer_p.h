// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/deploymentstyle.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <md4c.h>

// Turns KB markdown into terminal text with md4c's callbacks, for KbText: blocks become
// paragraphs wrapped at a width, list items, underlined headings and verbatim code;
// placeholders that the values name are filled in. Collects the text of every call.
class KbTextRenderer
{
public:
    // WIDTH in characters; VALUES must outlive the renderer.
    KbTextRenderer(int width, const QMap<QString, QString> &values)
        : m_width(width)
        , m_values(values)
    { }

    // Emits lines as one block, after a blank line unless it continues a tight list.
    void block(const QStringList &lines, bool tight = false);
    // One section's markdown. STYLES set: this is "How to fix", whose subsections for other
    // styles are left out.
    void render(const QString &markdown, const QList<DeploymentStyle> *styles);
    // A code block: its "When:" line as "When: CONDITION", then the commands verbatim (no
    // indent, no wrapping), so a selection pastes exactly the command.
    void code(const QString &raw);
    void code(const QString &commands, const QString &condition);
    // Plain text wrapped at the width, as one paragraph.
    void paragraph(const QString &text);

    // Everything emitted so far, each line ending in '\n'.
    QString text() const { return m_out; }

private:
    struct List
    {
        bool ordered = false;
        unsigned next = 1;
        bool tight = false;
        qsizetype indent = 0; // width of the current item's marker
    };

    void enter(MD_BLOCKTYPE type, void *detail);
    void leave(MD_BLOCKTYPE type);
    void heading(const QString &title);
    void span(MD_SPANTYPE type, void *detail, bool entering);
    void text(MD_TEXTTYPE type, const QString &text);
    void flush();

    const int m_width;
    const QMap<QString, QString> &m_values;
    const QList<DeploymentStyle> *m_styles = nullptr;
    bool m_skipping = false; // inside a "How to fix" subsection for a style not shown
    QString m_out;
    bool m_tightRun = false; // the last block was an item of a tight list or a table row
    QList<List> m_lists;
    QString m_bullet; // marker for the first line of the next text, "- " or "3. "
    QString m_inline;
    int m_heading = 0;
    int m_quote = 0;
    bool m_inCode = false;
    bool m_inCodeSpan = false;
    QString m_code;
    QString m_row;
    QString m_href;
    qsizetype m_linkStart = 0;
};
