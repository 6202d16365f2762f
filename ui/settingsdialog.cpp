// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "settingsdialog.h"

#include "appearance.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
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
    QSettings settings;
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
