// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "history/historyrecords.h"

#include <QWidget>

class QAreaSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QStackedWidget;
class QValueAxis;
class QXYSeries;

// One check's history in one environment (issue 18), drawn with Qt Charts: a band per run
// in the colour of its status, from the run to the next one (one area series per status
// seen), and, when the check reports a pending count (the migrations check's PendingCount
// evidence), the pending count of each run as a line on a left axis; otherwise a marker per
// run. Hovering a band or a point shows that run's time, status and message. The colours
// follow the palette (light or dark, Appearance), and change with it.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    // The result the timeline is for; empty environment: none is selected. Clears the
    // chart until setPoints() gives this result's points.
    void setResult(const QString &environment, const QString &checkId, const QString &subject);
    QString environment() const { return m_environment; }
    QString checkId() const { return m_checkId; }
    QString subject() const { return m_subject; }
    // The result's runs, oldest first (HistoryStore::timeline); replaces the chart.
    void setPoints(const QList<TimelinePoint> &points);
    // Why there is no chart ("Run history is off …"), shown instead of it.
    void showNote(const QString &text);

    QChart *chart() const { return m_chart; }
    QChartView *chartView() const { return m_view; }
    QLabel *title() const { return m_title; }
    QLabel *note() const { return m_note; }
    bool isChartShown() const; // false while a note is shown
    // The series drawn: one QAreaSeries per status, then the pending count's QLineSeries or
    // the runs' QScatterSeries.
    QXYSeries *pendingSeries() const { return m_pending; }
    QXYSeries *runSeries() const { return m_runs; }
    QList<QAreaSeries *> bandSeries() const { return m_bands; }

    // What hovering at x (ms since the epoch, the chart's x) shows: the run's local time,
    // status, message and pending count. point: hovering the line or a marker, the run
    // nearest x; otherwise a band, the run it starts from (the first run before them all).
    QString hoverText(qreal x, bool point) const;
    // The text of the last hover shown (empty before any, or after the pointer left).
    QString shownHoverText() const { return m_shownHover; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyPalette();
    void hovered(const QPointF &point, bool state, bool onPoint);

    QString m_environment, m_checkId, m_subject;
    QList<TimelinePoint> m_points;
    QLabel *m_title;
    QLabel *m_note;
    QStackedWidget *m_stack;
    QChartView *m_view;
    QChart *m_chart;
    QDateTimeAxis *m_time;
    QValueAxis *m_bandAxis; // hidden, 0..1: the bands fill the plot's height
    QValueAxis *m_pendingAxis;
    QList<QAreaSeries *> m_bands;
    QXYSeries *m_pending = nullptr;
    QXYSeries *m_runs = nullptr;
    QString m_shownHover;
};
