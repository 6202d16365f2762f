// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "escapeclears.h"

#include <QKeyEvent>
#include <QLineEdit>

void EscapeClears::install(QLineEdit *edit)
{
    edit->installEventFilter(new EscapeClears(edit));
}

bool EscapeClears::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return false;
    auto *edit = qobject_cast<QLineEdit *>(watched);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (!edit || key->key() != Qt::Key_Escape || key->modifiers() != Qt::NoModifier
        || edit->text().isEmpty())
        return false;
    // ShortcutOverride accepted: the key comes to the box as a key press instead of
    // triggering the window's Esc shortcut.
    event->accept();
    if (event->type() == QEvent::KeyPress)
        edit->clear();
    return true;
}
