// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "statusicons.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>

namespace {

// Paints at whatever size and device pixel ratio the view asks for.
class PaintedIcon : public QIconEngine
{
public:
    using Painter = std::function<void(QPainter &, const QRectF &)>;
    explicit PaintedIcon(Painter paint)
        : m_paint(std::move(paint))
    { }
    void paint(QPainter *p, const QRect &rect, QIcon::Mode, QIcon::State) override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        m_paint(*p, QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5));
        p->restore();
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(), size), mode, state);
        return pm;
    }
    QIconEngine *clone() const override { return new PaintedIcon(m_paint); }

private:
    Painter m_paint;
};

QRectF badgeRect(const QRectF &r)
{
    const qreal side = qMin(r.width(), r.height()) * 0.8;
    return QRectF(r.center() - QPointF(side / 2, side / 2), QSizeF(side, side));
}

void paintStatus(QPainter &p, const QRectF &r, CheckStatus status)
{
    const QRectF c = badgeRect(r);
    const QColor fill = StatusIcons::colour(status);
    if (status == CheckStatus::NotRun) {
        // Hollow: nothing was found; the stroke says "did not run".
        const qreal w = qMax<qreal>(1.2, c.width() / 8);
        p.setPen(QPen(fill, w));
        p.setBrush(Qt::NoBrush);
        const QRectF ring = c.adjusted(w / 2, w / 2, -w / 2, -w / 2);
        p.drawEllipse(ring);
        const qreal d = ring.width() / 2 * 0.7071;
        p.drawLine(ring.center() + QPointF(-d, d), ring.center() + QPointF(d, -d));
        return;
    }
    p.setPen(QPen(fill.darker(130), 1));
    p.setBrush(fill);
    p.drawEllipse(c);
}

} // namespace

QColor StatusIcons::changedColour()
{
    return QColor(0x1f, 0x6f, 0xeb);
}

QIcon StatusIcons::forResult(CheckStatus status, bool changed, bool stale)
{
    return QIcon(new PaintedIcon([status, changed, stale](QPainter &p, const QRectF &r) {
        if (stale)
            p.setOpacity(0.4);
        paintStatus(p, r, status);
        p.setOpacity(1);
        if (changed) {
            const qreal d = qMin(r.width(), r.height()) * 0.45;
            const QRectF dot(r.right() - d, r.top(), d, d);
            p.setPen(QPen(Qt::white, 1));
            p.setBrush(changedColour());
            p.drawEllipse(dot);
        }
    }));
}

QColor StatusIcons::colour(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QColor(0x2e, 0x9d, 0x4f);
    case CheckStatus::Warn:
        return QColor(0xe8, 0xa3, 0x17);
    case CheckStatus::Fail:
        return QColor(0xd6, 0x36, 0x36);
    case CheckStatus::Error:
        return QColor(0x9b, 0x3d, 0xc4);
    case CheckStatus::Skipped:
        return QColor(0x9a, 0x9a, 0x9a);
    case CheckStatus::NotRun:
        return QColor(0x7a, 0x7a, 0x7a);
    }
    return Qt::gray;
}

QIcon StatusIcons::forStatus(CheckStatus status)
{
    return QIcon(
        new PaintedIcon([status](QPainter &p, const QRectF &r) { paintStatus(p, r, status); }));
}

QIcon StatusIcons::none()
{
    return QIcon(new PaintedIcon([](QPainter &p, const QRectF &r) {
        const qreal side = qMin(r.width(), r.height()) * 0.8;
        p.setPen(QPen(QColor(0x9a, 0x9a, 0x9a), 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(r.center() - QPointF(side / 2, side / 2), QSizeF(side, side)));
    }));
}

QIcon StatusIcons::busy(int frame)
{
    return QIcon(new PaintedIcon([frame](QPainter &p, const QRectF &r) {
        const qreal side = qMin(r.width(), r.height()) * 0.8;
        const QRectF c(r.center() - QPointF(side / 2, side / 2), QSizeF(side, side));
        p.setPen(QPen(
            QColor(0x3d, 0x7e, 0xd6), qMax<qreal>(1.5, side / 6), Qt::SolidLine, Qt::RoundCap));
        p.drawArc(c, -(frame % 8) * 45 * 16, 270 * 16);
    }));
}
