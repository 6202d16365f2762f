// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "settingsdialog.h"

#include "appearance.h"
#include "connection/libpqconninfo.h"
#include "history/historystore.h"
#include "historyclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_kbDirs(new QListWidget(this))
    , m_englishNote(new QLabel(this))
{
    setWindowTitle(tr("Settings — Doctor Dashboard"));
    const QSettings settings;
    m_language->setObjectName(u"language"_s);
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    m_language->setCurrentIndex(
        qMax(0, m_language->findData(settings.value(languageKey()).toString())));
    m_language->setAccessibleName(tr("Language"));
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateEnglishNote);

    m_theme->setObjectName(u"theme"_s);
    m_theme->addItem(tr("System"), Appearance::key(Appearance::Theme::System));
    m_theme->addItem(tr("Light"), Appearance::key(Appearance::Theme::Light));
    m_theme->addItem(tr("Dark"), Appearance::key(Appearance::Theme::Dark));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(Appearance::key(Appearance::saved()))));
    m_theme->setAccessibleName(tr("Colour theme"));

    m_kbDirs->setObjectName(u"kbDirs"_s);
    m_kbDirs->addItems(settings.value(kbDirsKey()).toStringList());
    m_kbDirs->setAccessibleName(tr("Knowledge-base folders"));

    auto *add = new QPushButton(tr("&Add…"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Knowledge-Base Folder"));
        if (!dir.isEmpty() && m_kbDirs->findItems(dir, Qt::MatchExactly).isEmpty())
            m_kbDirs->addItem(dir);
    });
    connect(remove, &QPushButton::clicked, this, [this] { delete m_kbDirs->currentItem(); });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *kbRow = new QHBoxLayout;
    kbRow->addWidget(m_kbDirs);
    kbRow->addLayout(buttons);

    m_englishNote->setObjectName(u"englishArticlesNote"_s);
    m_englishNote->setText(tr("Knowledge-base articles and check messages are in English."));
    m_englishNote->setWordWrap(true);
    updateEnglishNote();

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_englishNote);
    form->addRow(tr("&Theme:"), m_theme);
    // A row whose field is a layout gets a label without a buddy, and such a label shows its
    // "&" as text; this one names its buddy so Alt+K works and no "&" is seen.
    auto *kbLabel = new QLabel(tr("Extra &knowledge-base folders:"), this);
    kbLabel->setBuddy(m_kbDirs);
    form->addRow(kbLabel, kbRow);
    buildHistoryRows(form);
    auto *note = new QLabel(
        tr("Articles in these folders add to or replace the shipped ones. The language and the "
           "folders take effect the next time Doctor Dashboard starts; the theme at once."),
        this);
    note->setWordWrap(true);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(box);
}

void SettingsDialog::updateEnglishNote()
{
    const QString chosen = m_language->currentData().toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    m_englishNote->setVisible(
        locale.language() != QLocale::English && locale.language() != QLocale::C);
}

void SettingsDialog::accept()
{
    const std::optional<QString> history = historyLocation();
    if (!history) {
        m_historyNote->setText(tr("Write the shared database's URL as "
                                  "postgresql://user@host:5432/database."));
        m_historyLocation->setFocus();
        return;
    }
    QSettings settings;
    settings.setValue(HistoryClient::recordKey(), m_recordHistory->isChecked());
    settings.setValue(HistoryClient::locationKey(), *history);
    settings.setValue(languageKey(), m_language->currentData().toString());
    QStringList dirs;
    for (int i = 0; i < m_kbDirs->count(); ++i)
        dirs << m_kbDirs->item(i)->text();
    settings.setValue(kbDirsKey(), dirs);
    const auto theme = Appearance::fromKey(m_theme->currentData().toString())
                           .value_or(Appearance::Theme::System);
    settings.setValue(Appearance::settingsKey(), Appearance::key(theme));
    if (theme != Appearance::current())
        Appearance::apply(theme);
    QDialog::accept();
}

void SettingsDialog::buildHistoryRows(QFormLayout *form)
{
    const QSettings settings;
    m_recordHistory = new QCheckBox(tr("Record run &history"), this);
    m_recordHistory->setObjectName(u"recordHistory"_s);
    m_recordHistory->setChecked(settings.value(HistoryClient::recordKey(), true).toBool());
    m_historyKind = new QComboBox(this);
    m_historyKind->setObjectName(u"historyKind"_s);
    m_historyKind->addItem(tr("Default file"), int(HistoryKind::Default));
    m_historyKind->addItem(tr("SQLite file"), int(HistoryKind::File));
    m_historyKind->addItem(tr("Shared PostgreSQL database"), int(HistoryKind::Postgres));
    m_historyKind->setAccessibleName(tr("Run history store"));
    m_historyLocation = new QLineEdit(this);
    m_historyLocation->setObjectName(u"historyLocation"_s);
    m_historyLocation->setAccessibleName(tr("Run history file or URL"));
    m_browseHistory = new QPushButton(tr("&Browse…"), this);
    m_historyNote = new QLabel(this);
    m_historyNote->setObjectName(u"historyNote"_s);
    m_historyNote->setWordWrap(true);
    m_historyNote->setTextFormat(Qt::PlainText);

    const QString location = settings.value(HistoryClient::locationKey()).toString();
    const HistoryKind kind = location.isEmpty() ? HistoryKind::Default
        : location.startsWith(u"postgres"_s)    ? HistoryKind::Postgres
                                                : HistoryKind::File;
    m_historyKind->setCurrentIndex(m_historyKind->findData(int(kind)));
    if (kind != HistoryKind::Default)
        m_historyLocation->setText(location);

    connect(m_recordHistory, &QCheckBox::toggled, this, &SettingsDialog::updateHistoryRows);
    connect(m_historyKind, &QComboBox::currentIndexChanged, this, [this] {
        m_historyLocation->clear(); // a path is no URL, nor the other way round
        updateHistoryRows();
    });
    connect(m_historyLocation, &QLineEdit::textChanged, this, &SettingsDialog::updateHistoryRows);
    connect(m_browseHistory, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Run History File"),
            m_historyLocation->text(), tr("SQLite databases (*.sqlite *.db);;All files (*)"),
            nullptr, QFileDialog::DontConfirmOverwrite); // an existing store is opened
        if (!file.isEmpty())
            m_historyLocation->setText(file);
    });

    auto *storeLabel = new QLabel(tr("History &store:"), this);
    storeLabel->setBuddy(m_historyKind);
    auto *locationRow = new QHBoxLayout;
    locationRow->addWidget(m_historyLocation, 1);
    locationRow->addWidget(m_browseHistory);
    form->addRow(QString(), m_recordHistory);
    form->addRow(storeLabel, m_historyKind);
    form->addRow(QString(), locationRow);
    form->addRow(QString(), m_historyNote);
    updateHistoryRows();
}

void SettingsDialog::updateHistoryRows()
{
    const bool on = m_recordHistory->isChecked();
    const auto kind = HistoryKind(m_historyKind->currentData().toInt());
    m_historyKind->setEnabled(on);
    m_historyLocation->setEnabled(on && kind != HistoryKind::Default);
    m_historyLocation->setReadOnly(kind == HistoryKind::Default);
    m_browseHistory->setVisible(kind != HistoryKind::Postgres);
    m_browseHistory->setEnabled(on && kind == HistoryKind::File);
    if (kind == HistoryKind::Default) {
        m_historyLocation->setPlaceholderText(HistoryStore::defaultPath());
        m_historyNote->setText(tr("Runs are recorded in a file of your own."));
    } else if (kind == HistoryKind::File) {
        m_historyLocation->setPlaceholderText(tr("A SQLite file, created on first use"));
        m_historyNote->setText(tr("Several people or machines may write one file at once."));
    } else {
        m_historyLocation->setPlaceholderText(u"postgresql://user@host:5432/database"_s);
        m_historyNote->setText(m_historyLocation->text().trimmed().isEmpty() || historyLocation()
                ? tr("The password is never saved: the connection takes it from PGPASSWORD or "
                     "the password file (~/.pgpass), as psql does. A password in the URL is "
                     "removed when the settings are saved.")
                : tr("libpq cannot read this URL; write it as "
                     "postgresql://user@host:5432/database."));
    }
    if (!on)
        m_historyNote->setText(tr("Runs are not recorded; the Since column and the timeline "
                                  "stay empty."));
}

std::optional<QString> SettingsDialog::historyLocation() const
{
    const QString text = m_historyLocation->text().trimmed();
    switch (HistoryKind(m_historyKind->currentData().toInt())) {
    case HistoryKind::Default:
        return QString();
    case HistoryKind::File:
        return text;
    case HistoryKind::Postgres:
        // A URL, which HistoryStore tells from a file name; libpq reads it.
        if (!(text.startsWith(u"postgresql://"_s) || text.startsWith(u"postgres://"_s))
            || !LibpqConninfo::parse(text))
            return std::nullopt;
        // Rebuilt from libpq's reading, without the password (HistoryStore::displayLocation).
        return HistoryStore::displayLocation(text);
    }
    return QString();
}
