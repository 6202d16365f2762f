// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "connectiontester.h"

#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "postgres/connectivitycheck.h"
#include "statusicons.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace {
const QString &ConnectivityCheckId = ConnectivityCheck::Id;
}

ConnectionTester::ConnectionTester(QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(tr("Test Co&nnection"), this))
    , m_busy(new QProgressBar(this))
    , m_result(new QLabel(this))
{
    m_button->setObjectName(u"testConnection"_s);
    m_button->setAccessibleName(tr("Test connection"));
    m_busy->setObjectName(u"testBusy"_s);
    m_busy->setAccessibleName(tr("Testing the connection"));
    m_busy->setRange(0, 0); // no steps to count: a busy indicator
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(80);
    m_busy->setVisible(false);
    m_result->setObjectName(u"testResult"_s);
    m_result->setAccessibleName(tr("Connection test result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_busy);
    layout->addWidget(m_result, 1);
    connect(m_button, &QPushButton::clicked, this, &ConnectionTester::testRequested);
}

ConnectionTester::~ConnectionTester()
{
    releaseRunner();
}

void ConnectionTester::start(const Environment &env)
{
    if (!m_runner) {
        m_runner = new CheckRunner(CheckRegistry::builtin(), nullptr, this);
        connect(m_runner, &CheckRunner::resultReady, this, &ConnectionTester::onResult);
    }
    m_result->clear();
    m_busy->setVisible(true);
    m_button->setEnabled(false);
    m_runner->start({ env }, { ConnectivityCheckId });
}

void ConnectionTester::cancel()
{
    if (!isRunning())
        return;
    m_runner->cancel();
    showOutcome(false, tr("Test cancelled."));
}

bool ConnectionTester::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void ConnectionTester::onResult(const CheckResult &result)
{
    if (result.checkId != ConnectivityCheckId)
        return;
    if (result.status == CheckStatus::Pass) {
        const QString version = result.evidenceValue(u"ServerVersion"_s).toString();
        const double latency = result.evidenceValue(u"LatencyMs"_s).toDouble();
        showOutcome(
            true, tr("Connected to %1 (round trip %2 ms).").arg(version).arg(latency, 0, 'f', 1));
    } else {
        // The check's message: what failed and what to do; it never holds the password.
        showOutcome(false, tr("Connection failed: %1").arg(result.message));
    }
}

void ConnectionTester::showOutcome(bool passed, const QString &text)
{
    m_busy->setVisible(false);
    m_button->setEnabled(true);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText,
        StatusIcons::colour(passed ? CheckStatus::Pass : CheckStatus::Fail).darker(130));
    m_result->setPalette(palette);
    m_result->setText(text);
    Q_EMIT finished(passed, text);
}

void ConnectionTester::releaseRunner()
{
    if (!m_runner)
        return;
    m_runner->cancel();
    CheckRunner *runner = m_runner;
    m_runner = nullptr;
    runner->disconnect(this);
    // A connect in progress cannot be interrupted; it ends within its connect timeout. The
    // runner is deleted once its last job has ended (idle), on its own thread, so neither
    // this window waits nor does any other thread touch the runner's watchdog. Until then
    // the application owns it: quitting first still waits for the job in its destructor.
    runner->setParent(QCoreApplication::instance());
    if (runner->hasJobs())
        connect(runner, &CheckRunner::idle, runner, &QObject::deleteLater);
    else
        runner->deleteLater();
}
