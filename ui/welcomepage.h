// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QWidget>
#include <functional>

class QPushButton;

// Shown when no environments are configured: the first steps. "New environment" (the
// connection dialog, then a file to save it in), a commented sample file to edit, opening
// an existing file, and the demo.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // The commented sample environments file (ui/sample-environments.yaml, embedded).
    static QByteArray sampleFile();
    // Writes sampleFile() to path atomically (QSaveFile). Returns false and sets *error to
    // "PATH: reason" when it cannot; a file already at path is then left as it was.
    static bool writeSampleFile(const QString &path, QString *error);

    // Asks where "Sample file" writes (a save dialog); an empty answer cancels. Tests replace it.
    void setSamplePathChooser(std::function<QString()> chooser);

    QPushButton *newEnvironmentButton() const { return m_newEnvironment; }
    QPushButton *sampleFileButton() const { return m_sample; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *demoButton() const { return m_demo; }

Q_SIGNALS:
    void demoRequested();
    void openRequested();
    void newEnvironmentRequested();
    // The sample file was written to path: open it.
    void sampleFileCreated(const QString &path);

private:
    void createSampleFile();

    QPushButton *m_newEnvironment;
    QPushButton *m_sample;
    QPushButton *m_open;
    QPushButton *m_demo;
    std::function<QString()> m_chooseSamplePath;
};
