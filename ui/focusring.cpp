// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "focusring.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QPainter>

FocusRing *FocusRing::attach(QAbstractScrollArea *view)
{
    return new FocusRing(view);
}

FocusRing::FocusRing(QAbstractScrollArea *view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("focusRing"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    setGeometry(view->rect());
    setVisible(view->hasFocus());
    view->installEventFilter(this);
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view) {
        switch (event->type()) {
        case QEvent::FocusIn:
        case QEvent::FocusOut:
            setVisible(m_view->hasFocus());
            raise(); // above scroll bars added since
            break;
        case QEvent::Resize:
            setGeometry(m_view->rect());
            break;
        default:
            break;
        }
    }
    return false;
}

void FocusRing::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QPen pen(palette().color(QPalette::Active, QPalette::Highlight), 2);
    pen.setJoinStyle(Qt::MiterJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
}
