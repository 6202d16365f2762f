// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Preferences: the UI language, the colour theme, extra knowledge-base folders and the run
// history (whether runs are recorded, and where: the default file, a SQLite file of the
// user's choice or a shared PostgreSQL database; HistoryClient's keys). The theme applies
// at once (Appearance::apply()); the language and the folders are read at start-up (the KB
// is shared with running checks and is not swapped under them); the history when accepted.
// A PostgreSQL URL is saved without its password: libpq takes it from PGPASSWORD or the
// password file, as psql does.
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
    // The run history: on/off, the kind of store (data: HistoryKind), its file or URL, and
    // what the note says about the choice (where the default is, where a password comes from).
    enum class HistoryKind { Default, File, Postgres };
    QCheckBox *recordHistoryBox() const { return m_recordHistory; }
    QComboBox *historyKindBox() const { return m_historyKind; }
    QLineEdit *historyLocationEdit() const { return m_historyLocation; }
    QLabel *historyNote() const { return m_historyNote; }

    void accept() override;

private:
    void updateEnglishNote();
    void buildHistoryRows(QFormLayout *form);
    void updateHistoryRows();
    // The location to save: empty for the default, the file, or the URL without a password;
    // nullopt (and the note says why) when the URL is not one libpq reads.
    std::optional<QString> historyLocation() const;

    QComboBox *m_language;
    QComboBox *m_theme;
    QListWidget *m_kbDirs;
    QLabel *m_englishNote;
    QCheckBox *m_recordHistory = nullptr;
    QComboBox *m_historyKind = nullptr;
    QLineEdit *m_historyLocation = nullptr;
    QPushButton *m_browseHistory = nullptr;
    QLabel *m_historyNote = nullptr;
};
