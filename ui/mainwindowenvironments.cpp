// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// MainWindow's environments: opening a file or the demo, New/Edit through the connection
// dialog (and the password it was given), Enter Password…, Save and Save As through the
// atomic writer. Kept apart from mainwindow.cpp so the dashboard itself stays readable.
#include "config/demo.h"
#include "config/environmentsfile.h"
#include "connectiondialog.h"
#include "environmentsmodel.h"
#include "mainwindow.h"
#include "passwordneed.h"
#include "runcontroller.h"
#include "secretstore.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

bool MainWindow::openEnvironmentsFile(const QString &path)
{
    const EnvironmentsFile file = EnvironmentsFile::load(path);
    if (!file.ok()) {
        // The environments shown so far stay as they are.
        QMessageBox::warning(this, tr("Cannot open environments file"),
            tr("%1\n\nNothing was changed; fix the file and open it again.").arg(file.error));
        return false;
    }
    if (!file.warnings.isEmpty())
        statusBar()->showMessage(file.warnings.join(u"; "_s), 10000);
    setEnvironments(file.environments, QFileInfo(path).absoluteFilePath());
    m_file = QFileInfo(path).absoluteFilePath();
    addRecentFile(QFileInfo(path).absoluteFilePath());
    runAll();
    return true;
}

bool MainWindow::startDemo()
{
    auto dir = std::make_unique<QTemporaryDir>();
    const Demo::Setup demo = Demo::create(dir->path());
    return startDemo(std::move(dir), demo);
}

bool MainWindow::startDemo(std::unique_ptr<QTemporaryDir> dir, const Demo::Setup &demo)
{
    if (!demo.error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot create the demo"), demo.error);
        return false;
    }
    // The old demo's files go once the run on them is cancelled (setEnvironments).
    setEnvironments(demo.environments, tr("demo"));
    delete m_demoDir;
    m_demoDir = dir.release();
    runAll();
    return true;
}

void MainWindow::chooseEnvironmentsFile()
{
    const QString start = m_source.isEmpty() || !QFileInfo(m_source).exists()
        ? QString()
        : QFileInfo(m_source).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Environments File"), start,
        tr("Environments (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openEnvironmentsFile(path);
}

void MainWindow::addEnvironmentActions(QMenu *file)
{
    file->addSeparator();
    m_newEnvironment
        = file->addAction(tr("&New Environment…"), this, [this] { openConnectionDialog(); });
    m_newEnvironment->setShortcut(QKeySequence::New);
    m_editEnvironment = file->addAction(tr("&Edit Environment…"), this, [this] {
        const QModelIndex current = m_environmentsView->currentIndex();
        if (current.isValid() && !current.data(EnvironmentsModel::IsAllRole).toBool())
            openConnectionDialog(current.data(EnvironmentsModel::EnvironmentNameRole).toString());
    });
    // The selected environment's password, asked for again: after a cancelled prompt, or
    // when the one remembered for this session is wrong. Runs that environment.
    m_enterPassword = file->addAction(tr("Enter &Password…"), this, [this] {
        const QModelIndex current = m_environmentsView->currentIndex();
        const Environment *env = current.isValid()
            ? m_environments->environment(
                  current.data(EnvironmentsModel::EnvironmentNameRole).toString())
            : nullptr;
        if (!env || !PasswordNeed::canAskFor(*env))
            return;
        m_run->secretStore()->askAgain(*env);
        m_run->start({ *env });
    });
    m_save = file->addAction(tr("&Save Environments"), this, &MainWindow::saveEnvironments);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs = file->addAction(tr("Save Environments &As…"), this, &MainWindow::saveEnvironmentsAs);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_run->secretStore(), &SecretStore::keychainUnavailable, this,
        [this](const QString &message) { statusBar()->showMessage(message, 15000); });
}

void MainWindow::updateEnvironmentActions()
{
    if (!m_editEnvironment)
        return;
    const QModelIndex current
        = m_environmentsView ? m_environmentsView->currentIndex() : QModelIndex();
    m_editEnvironment->setEnabled(
        current.isValid() && !current.data(EnvironmentsModel::IsAllRole).toBool());
    const Environment *env = current.isValid()
        ? m_environments->environment(
              current.data(EnvironmentsModel::EnvironmentNameRole).toString())
        : nullptr;
    m_enterPassword->setEnabled(env && PasswordNeed::canAskFor(*env));
    const bool any = !m_environments->environments().isEmpty();
    m_save->setEnabled(any || !m_file.isEmpty());
    m_saveAs->setEnabled(any);
}

ConnectionDialog *MainWindow::openConnectionDialog(const QString &environmentName)
{
    QStringList names;
    for (const Environment &e : m_environments->environments())
        names << e.name;
    auto *dialog = new ConnectionDialog(names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const Environment *env = m_environments->environment(environmentName))
        dialog->setEnvironment(*env, m_run->secretStore()->sessionPassword(env->name));
    connect(dialog, &QDialog::accepted, this,
        [this, dialog, environmentName] { applyDialog(dialog, environmentName); });
    dialog->open();
    return dialog;
}

void MainWindow::applyDialog(ConnectionDialog *dialog, const QString &originalName)
{
    const Environment env = dialog->environment();
    // The password goes to memory (and the keychain when asked), never into the model.
    SecretStore *secrets = m_run->secretStore();
    if (const QString password = dialog->password(); !password.isEmpty())
        secrets->setPassword(env.name, password, dialog->rememberPassword());
    else if (!originalName.isEmpty() && originalName != env.name
        && !secrets->sessionPassword(originalName).isEmpty())
        secrets->setPassword(env.name, secrets->sessionPassword(originalName), false);

    QList<Environment> list = m_environments->environments();
    const auto it = std::find_if(
        list.begin(), list.end(), [&](const Environment &e) { return e.name == originalName; });
    qsizetype row = it - list.begin();
    if (!originalName.isEmpty() && it != list.end()) {
        *it = env;
    } else {
        row = list.size();
        list << env;
    }
    const QString file = m_file;
    const QString source = m_source.isEmpty() ? tr("unsaved environments") : m_source;
    const QString shownEnv = m_environmentsView->currentIndex()
                                 .data(EnvironmentsModel::EnvironmentNameRole)
                                 .toString();
    setEnvironments(list, source); // keeps the environment and the result selected
    m_file = file;
    m_unsaved = true;
    // A new environment is shown; so is a renamed one that was (its old name is gone).
    if (originalName.isEmpty() || (shownEnv == originalName && originalName != env.name))
        m_environmentsView->setCurrentIndex(m_environments->index(int(row) + 1)); // after "All"
    statusBar()->showMessage(
        tr("Environment \"%1\" %2; File > Save Environments keeps it.")
            .arg(env.name, originalName.isEmpty() ? tr("added") : tr("changed")),
        10000);
    m_run->start({ list.at(row) }); // only the edited one: the others' results are still true
}

bool MainWindow::saveEnvironments()
{
    // The demo and new lists have no file of their own yet.
    return m_file.isEmpty() ? saveEnvironmentsAs() : saveEnvironmentsTo(m_file);
}

bool MainWindow::saveEnvironmentsAs()
{
    const QString start = m_file.isEmpty() ? QString() : m_file;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Environments"), start, tr("Environments (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".yaml"_s;
    return saveEnvironmentsTo(path);
}

bool MainWindow::saveEnvironmentsTo(const QString &path)
{
    QString error;
    if (!EnvironmentsFile::save(path, m_environments->environments(), &error)) {
        QMessageBox::warning(this, tr("Cannot save environments"),
            tr("%1\n\nFix the cause, or choose another file with Save Environments As….")
                .arg(error));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_file = absolute;
    m_source = absolute;
    m_unsaved = false;
    addRecentFile(absolute);
    updateTitle();
    updateActions();
    const bool strippedPasswords = std::any_of(m_environments->environments().cbegin(),
        m_environments->environments().cend(), [](const Environment &e) {
            return e.appSettingsPath.isEmpty() && !e.connection.password.isEmpty();
        });
    statusBar()->showMessage(strippedPasswords
            ? tr("Saved to %1. Passwords are not written to the file: on the next start they "
                 "come from the keychain, PGPASSWORD or .pgpass, or are asked for.")
                  .arg(absolute)
            : tr("Saved to %1.").arg(absolute),
        10000);
    return true;
}

bool MainWindow::confirmDiscardChanges()
{
    if (!m_unsaved || m_environments->environments().isEmpty())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved environments"),
        tr("The environments were changed and not saved. Save them now?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveEnvironments();
    return answer == QMessageBox::Discard;
}
