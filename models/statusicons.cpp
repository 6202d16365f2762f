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

QIcon disc(const QColor &fill)
{
    return QIcon(new PaintedIcon([fill](QPainter &p, const QRectF &r) {
        const qreal side = qMin(r.width(), r.height()) * 0.8;
        const QRectF c(r.center() - QPointF(side / 2, side / 2), QSizeF(side, side));
        p.setPen(QPen(fill.darker(130), 1));
        p.setBrush(fill);
        p.drawEllipse(c);
    }));
}

} // namespace

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
    }
    return Qt::gray;
}

QIcon StatusIcons::forStatus(CheckStatus status)
{
    return disc(colour(status));
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
