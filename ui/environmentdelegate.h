// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QStyledItemDelegate>

// Draws an environments-list row as usual, with its EnvironmentBadges (EnvironmentsModel::
// BadgesRole: "migration in progress", "blocked") as icons at the right end of the first
// line; the row's text is elided before them. Hovering a badge shows that badge's own
// tooltip; elsewhere the row's.
class EnvironmentDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // Where the badges of index are drawn in a row at rect, in BadgesRole order.
    static QList<QRect> badgeRects(const QRect &rect, const QModelIndex &index);
};
