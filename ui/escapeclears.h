// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>

class QLineEdit;

// Esc in a filter or search box that has text clears the text and goes no further; only
// Esc in an empty box reaches the window (Run > Cancel, closing a dialog). Without it Esc
// in the migrations filter cancelled the run and left the filter as it was.
class EscapeClears : public QObject
{
    Q_OBJECT
public:
    // The filter is owned by edit.
    static void install(QLineEdit *edit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};
