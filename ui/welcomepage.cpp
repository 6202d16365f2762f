#include "welcomepage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(tr("<h2>No environments configured yet</h2>"), this);
    auto *text = new QLabel(
        tr("Open an environments file (YAML) describing your databases, or try the built-in "
           "demo: three SQLite environments whose migration histories are in different states. "
           "The demo needs no server."),
        this);
    text->setWordWrap(true);
    auto *demo = new QPushButton(tr("Try the &demo"), this);
    auto *open = new QPushButton(tr("&Open environments file…"), this);
    demo->setDefault(true);
    connect(demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(text);
    layout->addWidget(demo, 0, Qt::AlignHCenter);
    layout->addWidget(open, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    setAccessibleName(tr("Welcome"));
}
