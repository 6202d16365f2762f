// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableWidget;

// The connection dialog's "what to compare against" part: the expected-migration source,
// the history table, and the placeholder values filled into fix commands.
class EnvironmentDetailsForm : public QWidget
{
    Q_OBJECT
public:
    explicit EnvironmentDetailsForm(QWidget *parent = nullptr);

    void setEnvironment(const Environment &env);
    // Writes the fields into env; leaves what this form does not show alone.
    void apply(Environment *env) const;
    // Empty when the fields are usable, else what to fix.
    QString validationError() const;

    QLineEdit *expectedEdit() const { return m_expected; }
    QLineEdit *historySchemaEdit() const { return m_schema; }
    QLineEdit *historyTableEdit() const { return m_table; }
    QTableWidget *placeholderTable() const { return m_placeholders; }
    void addPlaceholder(const QString &name = {}, const QString &value = {});

Q_SIGNALS:
    void changed();

private:
    void chooseExpected(bool folder);

    QLineEdit *m_expected;
    QLineEdit *m_schema;
    QLineEdit *m_table;
    QTableWidget *m_placeholders;
    QPushButton *m_remove;
};
