// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>

class CheckRunner;
class QLabel;
class QProgressBar;
class QStatusBar;
class QTimer;

// A run's place in the window's status bar: a line of text ("Ready", "Checking 3 of 9",
// what the last refresh came to) and a progress bar shown while the runner works. Progress
// is shown at most ten times a second: QProgressBar repaints synchronously on every value
// change, and a fleet delivers results in bursts.
class RunStatus : public QObject
{
    Q_OBJECT
public:
    // Adds the text and the bar to bar, as permanent widgets, and follows runner.
    RunStatus(const CheckRunner *runner, QStatusBar *bar);

    void setText(const QString &text);
    QLabel *label() const { return m_label; }
    QProgressBar *progressBar() const { return m_progress; }

private:
    void onProgress(int done, int total);
    void showProgress();
    void onRunFinished();

    const CheckRunner *m_runner;
    QLabel *m_label;
    QProgressBar *m_progress;
    QTimer *m_throttle;
    int m_done = 0;
    int m_total = 0;
};
