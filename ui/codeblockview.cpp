// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "codeblockview.h"

#include "highlighting.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>

CodeBlockView::CodeBlockView(const QString &text, const QString &language, QWidget *parent)
    : QFrame(parent)
    , m_text(text)
    , m_language(language)
    , m_editor(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_copiedNotice(new QLabel(tr("Copied"), this))
    , m_noticeTimer(new QTimer(this))
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document()))
{
    setFrameShape(QFrame::StyledPanel);
    auto *header = new QHBoxLayout;
    auto *lang = new QLabel(language.isEmpty() ? tr("text") : language, this);
    lang->setEnabled(false);
    m_copiedNotice->setVisible(false);
    m_copiedNotice->setAccessibleName(tr("Copied notice"));
    m_copy->setToolTip(tr("Copy this command to the clipboard"));
    m_copy->setAccessibleName(tr("Copy command"));
    m_copy->setAutoDefault(false);
    header->addWidget(lang);
    header->addStretch();
    header->addWidget(m_copiedNotice);
    header->addWidget(m_copy);
    header->setContentsMargins(6, 2, 2, 0);

    m_editor->setReadOnly(true);
    m_editor->setPlainText(text);
    // Wrapped, not scrolled sideways: a panel beside the tables is narrower than most
    // commands, and a horizontal scroll bar would hide the command's last line.
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_editor->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setFrameShape(QFrame::NoFrame);
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setAccessibleName(tr("Command"));
    m_editor->setAccessibleDescription(text);
    m_editor->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_highlighter->setDefinition(Highlighting::definitionForFence(language));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_editor);

    m_noticeTimer->setSingleShot(true);
    m_noticeTimer->setInterval(1500);
    connect(m_noticeTimer, &QTimer::timeout, m_copiedNotice, &QLabel::hide);
    connect(m_copy, &QPushButton::clicked, this, &CodeBlockView::copyToClipboard);
    applyTheme();
    fitHeight();
}

QString CodeBlockView::definitionName() const
{
    return m_highlighter->definition().isValid() ? m_highlighter->definition().name() : QString();
}

void CodeBlockView::copyToClipboard()
{
    QApplication::clipboard()->setText(m_text);
    m_copiedNotice->show();
    m_noticeTimer->start();
    Q_EMIT copied(m_text);
}

void CodeBlockView::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    else if (event->type() == QEvent::FontChange)
        fitHeight();
}

void CodeBlockView::applyTheme()
{
    const KSyntaxHighlighting::Theme theme = Highlighting::themeFor(palette());
    m_highlighter->setTheme(theme);
    QPalette pal = m_editor->palette();
    pal.setColor(QPalette::Base,
        QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    pal.setColor(
        QPalette::Text, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    m_editor->setPalette(pal);
    m_highlighter->rehighlight();
}

void CodeBlockView::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitHeight(); // a new width wraps the lines anew
}

void CodeBlockView::fitHeight()
{
    // Show the whole command: a fix the user cannot see all of is a fix they may paste
    // wrong. Its lines are laid out here at the editor's width, as the editor wraps them,
    // because QPlainTextEdit only lays out what it has shown.
    const qreal margin = m_editor->document()->documentMargin();
    const qreal width = qMax<qreal>(20, m_editor->viewport()->width() - 2 * margin);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    int lines = 0;
    for (const QString &line : m_text.split(u'\n')) {
        QTextLayout layout(line, m_editor->font());
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine()) {
            l.setLineWidth(width);
            ++lines;
        }
        layout.endLayout();
    }
    const QFontMetrics fm(m_editor->font());
    const int height = qMax(1, lines) * fm.lineSpacing() + 2 * int(margin) + 6;
    // Against the height asked for, not the current one: the layout may not have applied
    // an earlier request yet.
    if (m_editor->minimumHeight() != height || m_editor->maximumHeight() != height)
        m_editor->setFixedHeight(height);
}
