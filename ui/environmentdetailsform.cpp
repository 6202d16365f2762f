// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "environmentdetailsform.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

EnvironmentDetailsForm::EnvironmentDetailsForm(QWidget *parent)
    : QWidget(parent)
    , m_expected(new QLineEdit(this))
    , m_schema(new QLineEdit(this))
    , m_table(new QLineEdit(this))
    , m_placeholders(new QTableWidget(0, 2, this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_expected->setObjectName(u"expectedSource"_s);
    m_expected->setAccessibleName(tr("Expected migrations source"));
    m_expected->setPlaceholderText(tr("Migrations folder, idempotent script or manifest"));
    m_schema->setObjectName(u"historySchema"_s);
    m_schema->setAccessibleName(tr("History table schema"));
    m_table->setObjectName(u"historyTable"_s);
    m_table->setAccessibleName(tr("History table name"));
    const Environment defaults;
    m_schema->setPlaceholderText(defaults.historySchema);
    m_table->setPlaceholderText(defaults.historyTable);

    auto *file = new QPushButton(tr("&File…"), this);
    file->setAccessibleName(tr("Choose an expected migrations file"));
    connect(file, &QPushButton::clicked, this, [this] { chooseExpected(false); });
    auto *folder = new QPushButton(tr("F&older…"), this);
    folder->setAccessibleName(tr("Choose an expected migrations folder"));
    connect(folder, &QPushButton::clicked, this, [this] { chooseExpected(true); });
    auto *expectedRow = new QHBoxLayout;
    expectedRow->addWidget(m_expected, 1);
    expectedRow->addWidget(file);
    expectedRow->addWidget(folder);

    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(m_schema, 1);
    historyRow->addWidget(m_table, 2);

    m_placeholders->setObjectName(u"placeholders"_s);
    m_placeholders->setAccessibleName(tr("Placeholders"));
    m_placeholders->setHorizontalHeaderLabels({ tr("Placeholder"), tr("Value") });
    m_placeholders->horizontalHeader()->setStretchLastSection(true);
    m_placeholders->verticalHeader()->hide();
    m_placeholders->setMinimumHeight(90);
    auto *add = new QPushButton(tr("&Add"), this);
    add->setAccessibleName(tr("Add placeholder"));
    connect(add, &QPushButton::clicked, this, [this] {
        addPlaceholder();
        m_placeholders->editItem(m_placeholders->item(m_placeholders->rowCount() - 1, 0));
    });
    m_remove->setAccessibleName(tr("Remove placeholder"));
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const int row = m_placeholders->currentRow(); row >= 0)
            m_placeholders->removeRow(row);
        Q_EMIT changed();
    });
    connect(m_placeholders, &QTableWidget::itemChanged, this, &EnvironmentDetailsForm::changed);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *placeholderRow = new QHBoxLayout;
    placeholderRow->addWidget(m_placeholders, 1);
    placeholderRow->addLayout(buttons);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    // Rows made of several widgets get no buddy from QFormLayout; without one the
    // mnemonic would show as a literal '&'.
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    form->addRow(label(tr("E&xpected migrations:"), m_expected), expectedRow);
    form->addRow(label(tr("History &table (schema, name):"), m_schema), historyRow);
    form->addRow(label(tr("&Placeholders:"), m_placeholders), placeholderRow);
    for (QLineEdit *edit : { m_expected, m_schema, m_table })
        connect(edit, &QLineEdit::textChanged, this, &EnvironmentDetailsForm::changed);
}

void EnvironmentDetailsForm::setEnvironment(const Environment &env)
{
    m_expected->setText(QDir::toNativeSeparators(env.expectedSource));
    m_schema->setText(env.historySchema);
    m_table->setText(env.historyTable);
    m_placeholders->setRowCount(0);
    for (auto it = env.placeholders.cbegin(); it != env.placeholders.cend(); ++it)
        addPlaceholder(it.key(), it.value());
}

void EnvironmentDetailsForm::apply(Environment *env) const
{
    const Environment defaults;
    const QString expected = m_expected->text().trimmed();
    // Absolute and clean, as the environments file reader gives it.
    env->expectedSource = expected.isEmpty()
        ? QString()
        : QDir::cleanPath(QFileInfo(QDir::fromNativeSeparators(expected)).absoluteFilePath());
    const QString schema = m_schema->text().trimmed();
    const QString table = m_table->text().trimmed();
    env->historySchema = schema.isEmpty() ? defaults.historySchema : schema;
    env->historyTable = table.isEmpty() ? defaults.historyTable : table;
    env->placeholders.clear();
    for (int row = 0; row < m_placeholders->rowCount(); ++row) {
        const QTableWidgetItem *name = m_placeholders->item(row, 0);
        const QTableWidgetItem *value = m_placeholders->item(row, 1);
        const QString key = name ? name->text().trimmed() : QString();
        if (!key.isEmpty())
            env->placeholders.insert(key, value ? value->text() : QString());
    }
}

QString EnvironmentDetailsForm::validationError() const
{
    QSet<QString> names;
    for (int row = 0; row < m_placeholders->rowCount(); ++row) {
        const QTableWidgetItem *name = m_placeholders->item(row, 0);
        const QString key = name ? name->text().trimmed() : QString();
        if (key.isEmpty())
            continue;
        if (names.contains(key))
            return tr("The placeholder <%1> is listed twice; keep one.").arg(key);
        names.insert(key);
    }
    return {};
}

void EnvironmentDetailsForm::addPlaceholder(const QString &name, const QString &value)
{
    const int row = m_placeholders->rowCount();
    m_placeholders->insertRow(row);
    m_placeholders->setItem(row, 0, new QTableWidgetItem(name));
    m_placeholders->setItem(row, 1, new QTableWidgetItem(value));
}

void EnvironmentDetailsForm::chooseExpected(bool folder)
{
    const QString current = m_expected->text().trimmed();
    const QString start = current.isEmpty() ? QString() : QFileInfo(current).path();
    const QString chosen = folder
        ? QFileDialog::getExistingDirectory(this, tr("Expected Migrations Folder"), start)
        : QFileDialog::getOpenFileName(this, tr("Expected Migrations File"), start,
              tr("Scripts and manifests (*.sql *.txt);;All files (*)"));
    if (!chosen.isEmpty())
        m_expected->setText(QDir::toNativeSeparators(chosen));
}
