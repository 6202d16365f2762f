// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "timelineview.h"

#include "appearance.h"
#include "resultsmodel.h"
#include "statusicons.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MinuteMs = 60 * 1000, DayMs = 24 * 60 * MinuteMs;

qreal xOf(const QDateTime &at)
{
    return qreal(at.toMSecsSinceEpoch());
}

// The bands' statuses in the legend's order: best first, as a reader scans for trouble.
QList<CheckStatus> statusesOf(const QList<TimelinePoint> &points)
{
    QList<CheckStatus> statuses;
    for (const TimelinePoint &p : points) {
        if (!statuses.contains(p.status))
            statuses << p.status;
    }
    std::sort(statuses.begin(), statuses.end(),
        [](CheckStatus a, CheckStatus b) { return Status::rank(a) < Status::rank(b); });
    return statuses;
}
} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_note(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_chart(new QChart)
    , m_time(new QDateTimeAxis) // the chart owns the axes, the view the chart
    , m_bandAxis(new QValueAxis)
    , m_pendingAxis(new QValueAxis)
{
    m_title->setObjectName(u"timelineTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setObjectName(u"timelineNote"_s);
    m_note->setAlignment(Qt::AlignCenter);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);

    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_pendingAxis, Qt::AlignLeft);
    m_chart->addAxis(m_bandAxis, Qt::AlignRight);
    m_bandAxis->setRange(0, 1);
    m_bandAxis->setVisible(false);
    m_pendingAxis->setTitleText(tr("Pending migrations"));
    m_pendingAxis->setLabelFormat(u"%d"_s);
    m_pendingAxis->setTickType(QValueAxis::TicksDynamic);
    m_pendingAxis->setTickAnchor(0);
    m_view = new QChartView(m_chart, this); // owns the chart
    m_view->setObjectName(u"timelineChart"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Timeline"));

    m_stack->addWidget(m_note);
    m_stack->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
    setResult({}, {}, {});
    applyPalette();
}

void TimelineView::setResult(
    const QString &environment, const QString &checkId, const QString &subject)
{
    m_environment = environment;
    m_checkId = checkId;
    m_subject = subject;
    m_points.clear();
    if (environment.isEmpty()) {
        m_title->clear();
        showNote(tr("Select a result to see its history."));
        return;
    }
    const QString what = subject.isEmpty() ? checkId : u"%1 · %2"_s.arg(checkId, subject);
    m_title->setText(u"%1 · %2"_s.arg(environment, what));
    showNote(tr("Loading the history…"));
}

void TimelineView::showNote(const QString &text)
{
    m_note->setText(text);
    m_stack->setCurrentWidget(m_note);
}

bool TimelineView::isChartShown() const
{
    return m_stack->currentWidget() == m_view;
}

void TimelineView::setPoints(const QList<TimelinePoint> &points)
{
    m_points = points;
    rebuild();
    if (m_points.isEmpty()) {
        showNote(tr("No history of this result yet: each run of it adds to its timeline."));
        return;
    }
    const QString what = m_subject.isEmpty() ? m_checkId : u"%1 · %2"_s.arg(m_checkId, m_subject);
    const QLocale locale;
    const QString first = locale.toString(m_points.first().at.toLocalTime(), QLocale::ShortFormat);
    m_title->setText(m_points.size() == 1
            ? tr("%1 · %2 — one run, %3").arg(m_environment, what, first)
            : tr("%1 · %2 — %3 runs since %4")
                  .arg(m_environment, what, QString::number(m_points.size()), first));
    m_stack->setCurrentWidget(m_view);
}

void TimelineView::rebuild()
{
    QToolTip::hideText();
    m_shownHover.clear();
    m_chart->removeAllSeries(); // deletes them
    m_bands.clear();
    m_pending = nullptr;
    m_runs = nullptr;
    if (m_points.isEmpty())
        return;

    // The time axis spans the runs with a margin; a single run gets a minute each side.
    const qreal first = xOf(m_points.first().at), last = xOf(m_points.last().at);
    const qreal pad = qMax<qreal>((last - first) * 0.04, MinuteMs);
    const qreal end = last + pad;
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(first - pad)),
        QDateTime::fromMSecsSinceEpoch(qint64(end)));
    // Labels at least one unit of their format apart, so no two read the same: a single
    // run's two minutes in six ticks were 24 s apart and read "10:00 10:00 10:01 ..." in
    // HH:mm. One run: three ticks, a minute apart, the run in the middle.
    const int ticks = m_points.size() == 1 ? 3 : 6;
    const qreal step = (end - (first - pad)) / (ticks - 1);
    m_time->setFormat(step >= DayMs ? u"d MMM"_s
            : end - first >= DayMs  ? u"d MMM HH:mm"_s
            : step >= MinuteMs      ? u"HH:mm"_s
                                    : u"HH:mm:ss"_s);
    m_time->setTickCount(ticks);

    // A band per run of equal status, from its first run to the next run of another status
    // (the status changed somewhere between the two; the history cannot say where).
    for (const CheckStatus status : statusesOf(m_points)) {
        auto *upper = new QLineSeries;
        for (qsizetype i = 0; i < m_points.size();) {
            qsizetype j = i;
            while (j + 1 < m_points.size() && m_points[j + 1].status == m_points[i].status)
                ++j;
            if (m_points[i].status == status) {
                const qreal from = xOf(m_points[i].at);
                const qreal to = j + 1 < m_points.size() ? xOf(m_points[j + 1].at) : end;
                *upper << QPointF(from, 0) << QPointF(from, 1) << QPointF(to, 1) << QPointF(to, 0);
            }
            i = j + 1;
        }
        auto *band = new QAreaSeries(upper);
        upper->setParent(band);
        band->setName(ResultsModel::statusText(status));
        band->setProperty("status", int(status));
        m_chart->addSeries(band);
        band->attachAxis(m_time);
        band->attachAxis(m_bandAxis);
        connect(band, &QAreaSeries::hovered, this,
            [this](const QPointF &p, bool state) { hovered(p, state, false); });
        m_bands << band;
    }

    int maxPending = -1;
    for (const TimelinePoint &p : std::as_const(m_points))
        maxPending = qMax(maxPending, p.pendingCount);
    if (maxPending >= 0) {
        auto *line = new QLineSeries;
        line->setName(tr("Pending migrations"));
        for (const TimelinePoint &p : std::as_const(m_points)) {
            if (p.pendingCount >= 0)
                *line << QPointF(xOf(p.at), p.pendingCount);
        }
        line->setPointsVisible(true);
        m_chart->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_pendingAxis);
        // Whole numbers, with room above the highest point.
        const int top = qMax(1, maxPending + 1);
        m_pendingAxis->setRange(0, top);
        m_pendingAxis->setTickInterval(qMax(1, (top + 5) / 6));
        m_pending = line;
    } else {
        auto *runs = new QScatterSeries;
        runs->setName(tr("Runs"));
        runs->setMarkerSize(8);
        for (const TimelinePoint &p : std::as_const(m_points))
            *runs << QPointF(xOf(p.at), 0.5);
        m_chart->addSeries(runs);
        runs->attachAxis(m_time);
        runs->attachAxis(m_bandAxis);
        m_runs = runs;
    }
    m_pendingAxis->setVisible(m_pending != nullptr);
    connect(m_pending ? m_pending : m_runs, &QXYSeries::hovered, this,
        [this](const QPointF &p, bool state) { hovered(p, state, true); });
    applyPalette(); // the new series' colours
}

QString TimelineView::hoverText(qreal x, bool point) const
{
    if (m_points.isEmpty())
        return {};
    const qint64 at = qint64(x);
    auto after = std::upper_bound(m_points.cbegin(), m_points.cend(), at,
        [](qint64 ms, const TimelinePoint &p) { return ms < p.at.toMSecsSinceEpoch(); });
    auto it = after == m_points.cbegin() ? after : after - 1; // the band covering x
    if (point && after != m_points.cend()
        && after->at.toMSecsSinceEpoch() - at < at - it->at.toMSecsSinceEpoch())
        it = after; // the nearer point is the next one
    const TimelinePoint &p = *it;
    QStringList lines;
    lines << tr("Run of %1")
                 .arg(QLocale().toString(p.at.toLocalTime(), u"ddd d MMM yyyy HH:mm:ss"_s));
    lines << u"%1: %2"_s.arg(ResultsModel::statusText(p.status), p.message);
    if (p.pendingCount >= 0)
        lines << tr("Pending migrations: %1").arg(p.pendingCount);
    return lines.join(u'\n');
}

void TimelineView::hovered(const QPointF &point, bool state, bool onPoint)
{
    if (!state) {
        m_shownHover.clear();
        QToolTip::hideText();
        return;
    }
    m_shownHover = hoverText(point.x(), onPoint);
    QToolTip::showText(QCursor::pos(), m_shownHover, m_view);
}

void TimelineView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TimelineView::applyPalette()
{
    // The chart draws itself, not with the widget style: its theme, background and text
    // follow the palette, and the series keep the status colours the table uses.
    const QPalette p = palette();
    const bool dark = Appearance::isDark(p);
    const auto theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (m_chart->theme() != theme)
        m_chart->setTheme(theme); // resets the series' colours: set below
    const QColor text = p.color(QPalette::Text), base = p.color(QPalette::Base);
    QColor grid = p.color(QPalette::Mid);
    grid.setAlpha(dark ? 110 : 140);
    m_chart->setBackgroundBrush(base);
    m_chart->setBackgroundRoundness(0);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_view->setBackgroundBrush(base);
    m_chart->legend()->setLabelColor(text);
    m_chart->legend()->setFont(font());
    for (QAbstractAxis *axis :
        { static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_pendingAxis) }) {
        axis->setLabelsColor(text);
        axis->setLabelsFont(font());
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    for (QAreaSeries *band : std::as_const(m_bands)) {
        QColor fill = StatusIcons::colour(CheckStatus(band->property("status").toInt()));
        fill.setAlpha(dark ? 75 : 70);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
    }
    if (m_pending) {
        QPen pen(dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x55, 0xb0), 2);
        m_pending->setPen(pen);
        m_pending->setColor(pen.color());
    }
    if (auto *runs = qobject_cast<QScatterSeries *>(m_runs)) {
        runs->setColor(text);
        runs->setBorderColor(base);
    }
}
