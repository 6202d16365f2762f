// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;

// Preferences: the UI language, the colour theme and extra knowledge-base folders.
// The theme applies at once (Appearance::apply()); the language and the folders are read
// at start-up (the KB is shared with running checks and is not swapped under them).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    static QString languageKey() { return QStringLiteral("ui/language"); } // "", "en", "de"
    static QString kbDirsKey() { return QStringLiteral("kb/extraDirs"); }

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; } // data: Appearance::key()
    // "Knowledge-base articles are in English", shown while a language other than English
    // is chosen (or is the system's).
    QLabel *englishArticlesNote() const { return m_englishNote; }

    void accept() override;

private:
    void updateEnglishNote();

    QComboBox *m_language;
    QComboBox *m_theme;
    QListWidget *m_kbDirs;
    QLabel *m_englishNote;
};
