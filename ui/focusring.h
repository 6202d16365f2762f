// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QWidget>

class QAbstractScrollArea;

// A ring in the palette's highlight colour around an item view while it has the keyboard
// focus. Fusion (the style used on Linux without a desktop theme, and by the dark theme)
// marks a focused view only by a faint rectangle around the current cell, which vanishes
// inside a selected row: tabbing between panes left no trace of where the focus went.
// An overlay on top of the view, transparent for the mouse; the view keeps its own look.
class FocusRing : public QWidget
{
    Q_OBJECT
public:
    // Adds a ring to view (owned by it) and returns it.
    static FocusRing *attach(QAbstractScrollArea *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    explicit FocusRing(QAbstractScrollArea *view);
    QAbstractScrollArea *m_view;
};
