// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "poolthresholdsform.h"

#include "config/poolthresholdbounds.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace {

using Field = PoolThresholdBound::Field;

// The range of each box is the environments file's (PoolThresholdBounds), so that the
// dialog saves only what the file reads back.
QDoubleSpinBox *percentBox(
    QWidget *parent, Field field, const QString &objectName, const QString &accessible)
{
    const PoolThresholdBound &bound = PoolThresholdBounds::of(field);
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessible);
    box->setRange(bound.minimum, bound.maximum);
    box->setDecimals(2);
    box->setSuffix(u" %"_s);
    return box;
}

QSpinBox *countBox(QWidget *parent, Field field, const QString &objectName,
    const QString &accessible, const QString &suffix)
{
    const PoolThresholdBound &bound = PoolThresholdBounds::of(field);
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessible);
    box->setRange(qRound(bound.minimum), qRound(bound.maximum));
    box->setSuffix(suffix);
    return box;
}

// "warn at [box] fail at [box]" as one row of the form.
QHBoxLayout *row(
    QWidget *parent, const QString &first, QWidget *a, const QString &second, QWidget *b)
{
    auto *layout = new QHBoxLayout;
    auto *label = new QLabel(first, parent);
    label->setBuddy(a);
    layout->addWidget(label);
    layout->addWidget(a);
    auto *label2 = new QLabel(second, parent);
    label2->setBuddy(b);
    layout->addWidget(label2);
    layout->addWidget(b);
    layout->addStretch();
    return layout;
}

} // namespace

PoolThresholdsForm::PoolThresholdsForm(QWidget *parent)
    : QWidget(parent)
    , m_usageWarn(percentBox(this, Field::UsageWarn, u"poolUsageWarn"_s,
          tr("Warn when this share of usable connections is in use")))
    , m_usageFail(percentBox(this, Field::UsageFail, u"poolUsageFail"_s,
          tr("Fail when this share of usable connections is in use")))
    , m_idleSessions(countBox(this, Field::IdleInTransactionWarn, u"poolIdleSessions"_s,
          tr("Warn at this many sessions idle in a transaction"), QString()))
    , m_idleSeconds(countBox(this, Field::IdleSeconds, u"poolIdleSeconds"_s,
          tr("Count sessions idle in a transaction for longer than this"), tr(" s")))
    , m_transactionWarn(countBox(this, Field::TransactionWarn, u"poolTransactionWarn"_s,
          tr("Warn when a transaction has been open longer than this"), tr(" s")))
    , m_transactionFail(countBox(this, Field::TransactionFail, u"poolTransactionFail"_s,
          tr("Fail when a transaction has been open longer than this"), tr(" s")))
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Connections in use:"),
        row(this, tr("warn at"), m_usageWarn, tr("fail at"), m_usageFail));
    form->addRow(tr("Idle in transaction:"),
        row(this, tr("warn at"), m_idleSessions, tr("sessions idle over"), m_idleSeconds));
    form->addRow(tr("Oldest transaction:"),
        row(this, tr("warn after"), m_transactionWarn, tr("fail after"), m_transactionFail));

    for (QDoubleSpinBox *box : { m_usageWarn, m_usageFail })
        connect(box, &QDoubleSpinBox::valueChanged, this, &PoolThresholdsForm::changed);
    for (QSpinBox *box : { m_idleSessions, m_idleSeconds, m_transactionWarn, m_transactionFail })
        connect(box, &QSpinBox::valueChanged, this, &PoolThresholdsForm::changed);
    setThresholds({});
}

void PoolThresholdsForm::setThresholds(const PoolThresholds &t)
{
    m_loaded = t;
    m_usageWarn->setValue(t.usageWarnPercent);
    m_usageFail->setValue(t.usageFailPercent);
    m_idleSessions->setValue(t.idleInTransactionWarn);
    m_idleSeconds->setValue(t.idleInTransactionMinSec);
    m_transactionWarn->setValue(qRound(t.longestTransactionWarnSec));
    m_transactionFail->setValue(qRound(t.longestTransactionFailSec));
    m_shown = thresholdsShown();
}

PoolThresholds PoolThresholdsForm::thresholdsShown() const
{
    PoolThresholds t;
    t.usageWarnPercent = m_usageWarn->value();
    t.usageFailPercent = m_usageFail->value();
    t.idleInTransactionWarn = m_idleSessions->value();
    t.idleInTransactionMinSec = m_idleSeconds->value();
    t.longestTransactionWarnSec = m_transactionWarn->value();
    t.longestTransactionFailSec = m_transactionFail->value();
    return t;
}

PoolThresholds PoolThresholdsForm::thresholds() const
{
    const PoolThresholds now = thresholdsShown();
    PoolThresholds t = m_loaded; // what the form has no box for stays as it came
    const auto pick = [](auto shownNow, auto shownAtLoad, auto loaded) {
        return shownNow == shownAtLoad ? loaded : shownNow;
    };
    t.usageWarnPercent
        = pick(now.usageWarnPercent, m_shown.usageWarnPercent, m_loaded.usageWarnPercent);
    t.usageFailPercent
        = pick(now.usageFailPercent, m_shown.usageFailPercent, m_loaded.usageFailPercent);
    t.idleInTransactionWarn = pick(
        now.idleInTransactionWarn, m_shown.idleInTransactionWarn, m_loaded.idleInTransactionWarn);
    t.idleInTransactionMinSec = pick(now.idleInTransactionMinSec, m_shown.idleInTransactionMinSec,
        m_loaded.idleInTransactionMinSec);
    t.longestTransactionWarnSec = pick(now.longestTransactionWarnSec,
        m_shown.longestTransactionWarnSec, m_loaded.longestTransactionWarnSec);
    t.longestTransactionFailSec = pick(now.longestTransactionFailSec,
        m_shown.longestTransactionFailSec, m_loaded.longestTransactionFailSec);
    return t;
}

QString PoolThresholdsForm::validationError() const
{
    // The same rule as the environments file: a warning above the failure is never seen.
    const PoolThresholds t = thresholds();
    switch (PoolThresholdBounds::order(t)) {
    case PoolThresholdBounds::Order::UsageWarnAboveFail:
        return tr("The pool check's connection warning (%1 %) is above its failure (%2 %).")
            .arg(t.usageWarnPercent)
            .arg(t.usageFailPercent);
    case PoolThresholdBounds::Order::TransactionWarnAboveFail:
        return tr("The pool check's transaction warning (%1 s) is above its failure (%2 s).")
            .arg(t.longestTransactionWarnSec)
            .arg(t.longestTransactionFailSec);
    case PoolThresholdBounds::Order::Fine:
        break;
    }
    return {};
}
