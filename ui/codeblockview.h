// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

// A read-only, syntax-highlighted fix command with a Copy button that puts exactly
// the shown text on the clipboard.
class CodeBlockView : public QFrame
{
    Q_OBJECT
public:
    explicit CodeBlockView(const QString &text, const QString &language, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    QString language() const { return m_language; }
    QString definitionName() const; // the highlighting definition in use, empty when none
    QPushButton *copyButton() const { return m_copy; }
    QPlainTextEdit *editor() const { return m_editor; }

public Q_SLOTS:
    void copyToClipboard();

Q_SIGNALS:
    void copied(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyTheme();
    void fitHeight();

    QString m_text;
    QString m_language;
    QPlainTextEdit *m_editor;
    QPushButton *m_copy;
    QLabel *m_copiedNotice;
    QTimer *m_noticeTimer;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
};
