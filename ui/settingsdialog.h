#pragma once

#include <QDialog>

class QComboBox;
class QListWidget;

// Preferences: the UI language and extra knowledge-base folders. Both are read at
// start-up (the KB is shared with running checks and is not swapped under them).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    static QString languageKey() { return QStringLiteral("ui/language"); } // "", "en", "de"
    static QString kbDirsKey() { return QStringLiteral("kb/extraDirs"); }

    void accept() override;

private:
    QComboBox *m_language;
    QListWidget *m_kbDirs;
};
