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

// A white glyph over a badge: polylines in the badge's unit square (0..1 both ways).
void paintGlyph(QPainter &p, const QRectF &c, const QList<QList<QPointF>> &lines)
{
    const auto at = [&c](const QPointF &u) {
        return QPointF(c.left() + u.x() * c.width(), c.top() + u.y() * c.height());
    };
    p.setPen(QPen(
        Qt::white, qMax<qreal>(1.3, c.width() / 8), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    for (const QList<QPointF> &line : lines) {
        QPainterPath path(at(line.first()));
        for (qsizetype i = 1; i < line.size(); ++i)
            path.lineTo(at(line.at(i)));
        p.drawPath(path);
    }
}

void paintMigrationState(QPainter &p, const QRectF &r, MigrationEntry::State state)
{
    using S = MigrationEntry::State;
    const QRectF c = badgeRect(r);
    const QColor fill = StatusIcons::colour(state);
    p.setPen(QPen(fill.darker(140), 1));
    p.setBrush(fill);
    // The shape: a triangle for dirty and a diamond for modified, so the two failing states
    // beside "failed" differ by more than a shade of red.
    if (state == S::Dirty) {
        p.drawPolygon(QPolygonF({ QPointF(c.center().x(), c.top()),
            c.bottomRight() + QPointF(0.5, 0), c.bottomLeft() - QPointF(0.5, 0) }));
    } else if (state == S::Modified) {
        p.drawPolygon(QPolygonF({ QPointF(c.center().x(), c.top() - 0.5),
            QPointF(c.right() + 0.5, c.center().y()), QPointF(c.center().x(), c.bottom() + 0.5),
            QPointF(c.left() - 0.5, c.center().y()) }));
    } else {
        p.drawEllipse(c);
    }
    switch (state) {
    case S::Applied: // a tick
        paintGlyph(p, c, { { { 0.27, 0.52 }, { 0.44, 0.69 }, { 0.74, 0.34 } } });
        break;
    case S::Pending: // clock hands
        paintGlyph(p, c, { { { 0.5, 0.24 }, { 0.5, 0.52 }, { 0.7, 0.62 } } });
        break;
    case S::Failed: // a cross
        paintGlyph(
            p, c, { { { 0.32, 0.32 }, { 0.68, 0.68 } }, { { 0.68, 0.32 }, { 0.32, 0.68 } } });
        break;
    case S::Dirty: // "!"
        paintGlyph(p, c, { { { 0.5, 0.38 }, { 0.5, 0.66 } }, { { 0.5, 0.82 }, { 0.5, 0.83 } } });
        break;
    case S::Modified: // "≠"
        paintGlyph(p, c,
            { { { 0.3, 0.42 }, { 0.7, 0.42 } }, { { 0.3, 0.6 }, { 0.7, 0.6 } },
                { { 0.58, 0.28 }, { 0.42, 0.74 } } });
        break;
    case S::Ahead: // an arrow up
        paintGlyph(p, c,
            { { { 0.5, 0.75 }, { 0.5, 0.27 } }, { { 0.3, 0.46 }, { 0.5, 0.26 }, { 0.7, 0.46 } } });
        break;
    case S::OutOfOrder: // arrows up and down
        paintGlyph(p, c,
            { { { 0.37, 0.74 }, { 0.37, 0.27 } }, { { 0.24, 0.4 }, { 0.37, 0.26 }, { 0.5, 0.4 } },
                { { 0.63, 0.26 }, { 0.63, 0.73 } },
                { { 0.5, 0.6 }, { 0.63, 0.74 }, { 0.76, 0.6 } } });
        break;
    }
}

} // namespace

QIcon StatusIcons::forMigrationState(MigrationEntry::State state)
{
    return QIcon(new PaintedIcon(
        [state](QPainter &p, const QRectF &r) { paintMigrationState(p, r, state); }));
}

QColor StatusIcons::colour(MigrationEntry::State state)
{
    switch (state) {
    case MigrationEntry::State::Applied:
        return colour(CheckStatus::Pass);
    case MigrationEntry::State::Pending:
        return colour(CheckStatus::Warn);
    case MigrationEntry::State::Failed:
        return colour(CheckStatus::Fail);
    case MigrationEntry::State::Dirty:
        return QColor(0xe0, 0x5a, 0x1c);
    case MigrationEntry::State::Modified:
        return QColor(0xa8, 0x3c, 0xc8);
    case MigrationEntry::State::Ahead:
        return QColor(0x3d, 0x7e, 0xd6);
    case MigrationEntry::State::OutOfOrder:
        return QColor(0x16, 0x96, 0x9e);
    }
    return Qt::gray;
}

QColor StatusIcons::textColour(MigrationEntry::State state, bool dark)
{
    // The badge colours are mid tones; text needs a darker shade on white and a lighter one
    // on the dark base.
    switch (state) {
    case MigrationEntry::State::Applied:
        return dark ? QColor(0x5f, 0xd3, 0x8a) : QColor(0x1b, 0x6e, 0x35);
    case MigrationEntry::State::Pending:
        return dark ? QColor(0xf2, 0xb8, 0x4b) : QColor(0x8a, 0x52, 0x00);
    case MigrationEntry::State::Failed:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1e, 0x1e);
    case MigrationEntry::State::Dirty:
        return dark ? QColor(0xff, 0xa0, 0x66) : QColor(0x9e, 0x3a, 0x00);
    case MigrationEntry::State::Modified:
        return dark ? QColor(0xe0, 0x9c, 0xf5) : QColor(0x83, 0x24, 0xa0);
    case MigrationEntry::State::Ahead:
        return dark ? QColor(0x86, 0xb8, 0xff) : QColor(0x1a, 0x56, 0xa8);
    case MigrationEntry::State::OutOfOrder:
        return dark ? QColor(0x5c, 0xd6, 0xdc) : QColor(0x00, 0x66, 0x6e);
    }
    return dark ? Qt::white : Qt::black;
}

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

QColor StatusIcons::migrationInProgressColour()
{
    return QColor(0x2f, 0x6f, 0xd0);
}

QColor StatusIcons::blockedColour()
{
    return QColor(0xc6, 0x28, 0x28);
}

QIcon StatusIcons::migrationInProgress()
{
    return QIcon(new PaintedIcon([](QPainter &p, const QRectF &r) {
        const QRectF c = badgeRect(r);
        const QColor fill = migrationInProgressColour();
        p.setPen(QPen(fill.darker(140), 1));
        p.setBrush(fill);
        p.drawRoundedRect(c, c.width() / 5, c.width() / 5);
        paintGlyph(p, c,
            { { { 0.24, 0.28 }, { 0.46, 0.5 }, { 0.24, 0.72 } },
                { { 0.52, 0.28 }, { 0.74, 0.5 }, { 0.52, 0.72 } } });
    }));
}

QIcon StatusIcons::blocked()
{
    return QIcon(new PaintedIcon([](QPainter &p, const QRectF &r) {
        const QRectF c = badgeRect(r).adjusted(-0.5, -0.5, 0.5, 0.5);
        const QColor fill = blockedColour();
        p.setPen(QPen(fill.darker(140), 1));
        p.setBrush(fill);
        // An octagon: a stop sign, unlike the round status badges.
        const qreal k = 0.29;
        const auto at = [&c](qreal x, qreal y) {
            return QPointF(c.left() + x * c.width(), c.top() + y * c.height());
        };
        p.drawPolygon(QPolygonF({ at(k, 0), at(1 - k, 0), at(1, k), at(1, 1 - k), at(1 - k, 1),
            at(k, 1), at(0, 1 - k), at(0, k) }));
        paintGlyph(p, c, { { { 0.27, 0.5 }, { 0.73, 0.5 } } });
    }));
}
