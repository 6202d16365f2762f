// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QWidget>

class CheckRunner;
class QLabel;
class QProgressBar;
class QPushButton;
struct CheckResult;

// "Test connection" in the connection dialog: runs check.postgres.connectivity alone on
// a CheckRunner of its own, in the background, and shows the outcome inline. The
// environment comes from the environmentRequested() handler; destroying the widget
// cancels the test.
class ConnectionTester : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionTester(QWidget *parent = nullptr);
    ~ConnectionTester() override;

    void start(const Environment &env);
    void cancel();
    bool isRunning() const;

    QPushButton *button() const { return m_button; }
    QProgressBar *busyIndicator() const { return m_busy; }
    QLabel *resultLabel() const { return m_result; }

Q_SIGNALS:
    void testRequested(); // the button; the dialog answers with start()
    void finished(bool passed, const QString &text);

private:
    void onResult(const CheckResult &result);
    void showOutcome(bool passed, const QString &text);
    void releaseRunner();

    CheckRunner *m_runner = nullptr;
    QPushButton *m_button;
    QProgressBar *m_busy;
    QLabel *m_result;
};
