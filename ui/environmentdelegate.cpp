// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "environmentdelegate.h"

#include "environmentsmodel.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace {
constexpr int BadgeSize = 16;
constexpr int Gap = 3;

QList<EnvironmentBadge> badgesOf(const QModelIndex &index)
{
    return index.data(EnvironmentsModel::BadgesRole).value<QList<EnvironmentBadge>>();
}
} // namespace

QList<QRect> EnvironmentDelegate::badgeRects(const QRect &rect, const QModelIndex &index)
{
    QList<QRect> rects;
    const qsizetype n = badgesOf(index).size();
    int right = rect.right() - Gap;
    for (qsizetype i = 0; i < n; ++i) {
        rects.prepend(QRect(right - BadgeSize + 1, rect.top() + Gap, BadgeSize, BadgeSize));
        right -= BadgeSize + Gap;
    }
    return rects;
}

void EnvironmentDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QList<EnvironmentBadge> badges = badgesOf(index);
    if (badges.isEmpty())
        return QStyledItemDelegate::paint(painter, option, index);
    // The row's background and selection across the whole width, its text short of the
    // badges.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QList<QRect> rects = badgeRects(option.rect, index);
    QStyleOptionViewItem text = opt;
    text.rect.setRight(rects.first().left() - Gap);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : nullptr;
    if (style) {
        QStyleOptionViewItem background = opt;
        background.text.clear();
        background.icon = QIcon();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
        text.backgroundBrush = Qt::NoBrush;
        text.state &= ~QStyle::State_HasFocus;
        style->drawControl(QStyle::CE_ItemViewItem, &text, painter, widget);
    }
    for (qsizetype i = 0; i < badges.size(); ++i)
        EnvironmentBadge::icon(badges.at(i).kind).paint(painter, rects.at(i));
}

QSize EnvironmentDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const qsizetype n = badgesOf(index).size();
    size.rwidth() += int(n) * (BadgeSize + Gap);
    return size;
}

bool EnvironmentDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip) {
        const QList<QRect> rects = badgeRects(option.rect, index);
        const QList<EnvironmentBadge> badges = badgesOf(index);
        for (qsizetype i = 0; i < rects.size() && i < badges.size(); ++i) {
            if (rects.at(i).contains(event->pos())) {
                QToolTip::showText(event->globalPos(), badges.at(i).toolTip, view, rects.at(i));
                return true;
            }
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
