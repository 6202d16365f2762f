// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "kb/kbparser_p.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <initializer_list>
#include <md4c.h>
#include <optional>

// Collects a KB article's structure from md4c's callbacks, for KbParser: the title, the
// level-2 sections, every fenced code block with its "When:" line, caption, section and
// deployment style. Line numbers come from the text pointers md4c hands out, which point
// into our buffer (checked, since some text such as soft breaks comes from md4c's own
// static strings).
class KbMarkdownWalker
{
public:
    // TEXT is the whole normalized file, LINES its index; both must outlive the walker.
    KbMarkdownWalker(
        const QByteArray &text, const KbParserPrivate::LineIndex &lines, KbArticle &article)
        : m_text(text)
        , m_lines(lines)
        , m_article(article)
    { }

    // Walks the markdown from BODYOFFSET (the byte after the front matter) to the end,
    // filling the article's title, sections (without their markdown) and codeBlocks.
    // Returns md4c's result: 0 on success.
    int run(qsizetype bodyOffset);

    // Level-1/2 headings at top level, for cutting the sections out of the source.
    struct Mark
    {
        int level;
        int firstLine;
        int lastLine;
    };
    QList<Mark> marks;

private:
    struct Heading
    {
        int level = 0;
        QString text;
        int firstLine = 0;
        int lastLine = 0;
    };

    int lineOf(const MD_CHAR *p) const;
    static int enterBlock(MD_BLOCKTYPE type, void *detail, void *self);
    static int leaveBlock(MD_BLOCKTYPE type, void *, void *self);
    static int onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self);
    void enter(MD_BLOCKTYPE type, void *detail);
    void leave(MD_BLOCKTYPE type);
    void addText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size);
    void leaveHeading();
    void enterCode(const MD_BLOCK_CODE_DETAIL *detail);
    void leaveCode();
    void takeWhenLine();
    int lineAfter(int line, std::initializer_list<const char *> markers) const;
    static QString commentCaption(const KbCodeBlock &block);

    const QByteArray &m_text;
    const KbParserPrivate::LineIndex &m_lines;
    KbArticle &m_article;

    int m_containerDepth = 0;
    int m_lastLine = 1; // last line md4c has shown us text from
    bool m_inHeading = false;
    Heading m_heading;
    QString m_nearestHeading;
    bool m_inParagraph = false;
    QString m_paragraph;
    QString m_lastParagraph;
    bool m_inFixes = false;
    std::optional<DeploymentStyle> m_deployment;
    bool m_inCode = false;
    bool m_fenced = false;
    KbCodeBlock m_code;
    int m_codeInfoLine = 0;
    int m_codeFirstTextLine = 0;
    int m_codeNewlinesBefore = 0;
};
