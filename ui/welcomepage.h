#pragma once

#include <QWidget>

// Shown when no environments are configured: offers the demo and opening a file.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

Q_SIGNALS:
    void demoRequested();
    void openRequested();
};
