#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_kbDirs(new QListWidget(this))
{
    setWindowTitle(tr("Settings — Doctor Dashboard"));
    const QSettings settings;
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    m_language->setCurrentIndex(
        qMax(0, m_language->findData(settings.value(languageKey()).toString())));
    m_language->setAccessibleName(tr("Language"));
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

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("Extra &knowledge-base folders:"), kbRow);
    auto *note = new QLabel(
        tr("Articles in these folders add to or replace the shipped ones. Changes take effect "
           "the next time Doctor Dashboard starts."),
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

void SettingsDialog::accept()
{
    QSettings settings;
    settings.setValue(languageKey(), m_language->currentData().toString());
    QStringList dirs;
    for (int i = 0; i < m_kbDirs->count(); ++i)
        dirs << m_kbDirs->item(i)->text();
    settings.setValue(kbDirsKey(), dirs);
    QDialog::accept();
}
