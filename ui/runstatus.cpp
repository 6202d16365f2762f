// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "runstatus.h"

#include "engine/checkrunner.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>

RunStatus::RunStatus(const CheckRunner *runner, QStatusBar *bar)
    : QObject(bar)
    , m_runner(runner)
    , m_label(new QLabel(tr("Ready"), bar))
    , m_progress(new QProgressBar(bar))
    , m_throttle(new QTimer(this))
{
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    bar->addPermanentWidget(m_label);
    bar->addPermanentWidget(m_progress);
    m_throttle->setSingleShot(true);
    m_throttle->setInterval(100);
    connect(m_throttle, &QTimer::timeout, this, &RunStatus::showProgress);
    connect(runner, &CheckRunner::progressChanged, this, &RunStatus::onProgress);
    connect(runner, &CheckRunner::runFinished, this, &RunStatus::onRunFinished);
}

void RunStatus::setText(const QString &text)
{
    m_label->setText(text);
}

void RunStatus::onProgress(int done, int total)
{
    m_done = done;
    m_total = total;
    if (!m_throttle->isActive())
        m_throttle->start();
}

void RunStatus::showProgress()
{
    const bool running = m_runner->isRunning();
    m_progress->setVisible(running);
    if (!running)
        return;
    m_progress->setRange(0, qMax(m_total, 1));
    m_progress->setValue(m_done);
    m_label->setText(tr("Checking %1 of %2").arg(qMin(m_done + 1, m_total)).arg(m_total));
}

void RunStatus::onRunFinished()
{
    m_throttle->stop();
    m_progress->setVisible(false);
}
