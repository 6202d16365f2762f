// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QWidget>

class QDoubleSpinBox;
class QSpinBox;

// The connection dialog's limits for check.postgres.pool (Environment::pool): three rows,
// one per finding, with the product's defaults until the user changes them. The boxes'
// ranges and the warn/fail rule are the environments file's (config/poolthresholdbounds.h).
class PoolThresholdsForm : public QWidget
{
    Q_OBJECT
public:
    explicit PoolThresholdsForm(QWidget *parent = nullptr);

    void setThresholds(const PoolThresholds &t);
    PoolThresholds thresholds() const;
    // Empty when the limits are usable, else what to fix.
    QString validationError() const;

    QDoubleSpinBox *usageWarnBox() const { return m_usageWarn; }
    QDoubleSpinBox *usageFailBox() const { return m_usageFail; }
    QSpinBox *idleSessionsBox() const { return m_idleSessions; }
    QSpinBox *idleSecondsBox() const { return m_idleSeconds; }
    QSpinBox *transactionWarnBox() const { return m_transactionWarn; }
    QSpinBox *transactionFailBox() const { return m_transactionFail; }

Q_SIGNALS:
    void changed();

private:
    PoolThresholds thresholdsShown() const;

    // What setThresholds() was given, and what the boxes showed for it after rounding:
    // a value the user did not touch is handed back exactly as it came from the file.
    PoolThresholds m_loaded;
    PoolThresholds m_shown;

    QDoubleSpinBox *m_usageWarn;
    QDoubleSpinBox *m_usageFail;
    QSpinBox *m_idleSessions;
    QSpinBox *m_idleSeconds;
    QSpinBox *m_transactionWarn;
    QSpinBox *m_transactionFail;
};
