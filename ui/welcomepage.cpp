// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "welcomepage.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_newEnvironment(new QPushButton(tr("&New environment…"), this))
    , m_sample(new QPushButton(tr("&Sample file…"), this))
    , m_open(new QPushButton(tr("&Open environments file…"), this))
    , m_demo(new QPushButton(tr("Try the &demo"), this))
{
    m_chooseSamplePath = [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save Sample Environments File"),
            QDir::home().filePath(u"environments.yaml"_s),
            tr("Environments (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += u".yaml"_s;
        return path;
    };
    auto *title = new QLabel(tr("<h2>No environments configured yet</h2>"), this);
    auto *text = new QLabel(
        tr("Describe the databases to check in an environments file (YAML): create the first "
           "environment here, start from a commented sample file, or open a file you have. "
           "The demo shows three SQLite environments whose migration histories are in "
           "different states, and needs no server."),
        this);
    text->setWordWrap(true);
    m_newEnvironment->setToolTip(
        tr("Enter a connection, test it, and choose a file to save the environment in."));
    m_sample->setToolTip(
        tr("Write a commented example environments file where you choose, and open it."));
    m_newEnvironment->setDefault(true);
    connect(m_newEnvironment, &QPushButton::clicked, this, &WelcomePage::newEnvironmentRequested);
    connect(m_sample, &QPushButton::clicked, this, &WelcomePage::createSampleFile);
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_newEnvironment, 0, 0);
    buttons->addWidget(m_sample, 0, 1);
    buttons->addWidget(m_open, 1, 0);
    buttons->addWidget(m_demo, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(text);
    layout->addLayout(buttons);
    layout->setAlignment(buttons, Qt::AlignHCenter);
    layout->addStretch(2);
    setAccessibleName(tr("Welcome"));
}

QByteArray WelcomePage::sampleFile()
{
    QFile f(u":/samples/sample-environments.yaml"_s);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("the embedded sample environments file is missing (ui/CMakeLists.txt)");
    return f.readAll();
}

bool WelcomePage::writeSampleFile(const QString &path, QString *error)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(sampleFile()) < 0 || !out.commit()) {
        if (error)
            *error = u"%1: %2"_s.arg(QDir::toNativeSeparators(path), out.errorString());
        return false;
    }
    return true;
}

void WelcomePage::setSamplePathChooser(std::function<QString()> chooser)
{
    m_chooseSamplePath = std::move(chooser);
}

void WelcomePage::createSampleFile()
{
    const QString path = m_chooseSamplePath();
    if (path.isEmpty())
        return;
    QString error;
    if (!writeSampleFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot write the sample file"),
            tr("%1\n\nChoose a folder you can write to.").arg(error));
        return;
    }
    Q_EMIT sampleFileCreated(path);
}
