// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDialog>

class KbLibrary;
class QLineEdit;
class QListWidget;
class RemediationPanel;

// Help > Knowledge base: every article, searchable by title, tags and text, shown in
// the same renderer as the remediation panel.
class KbBrowser : public QDialog
{
    Q_OBJECT
public:
    explicit KbBrowser(const KbLibrary &kb, QWidget *parent = nullptr);
    void showArticle(const QString &checkId);
    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *list() const { return m_list; }
    RemediationPanel *panel() const { return m_panel; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applySearch(const QString &text);
    void showCurrent();

    const KbLibrary &m_kb;
    QLineEdit *m_search;
    QListWidget *m_list;
    RemediationPanel *m_panel;
    bool m_shown = false; // the first show has happened: the panel has its height
};
